/// Quotes text as a SQL string literal, for the few places parameters cannot go (DDL such as
/// `COMMENT ON … IS '…'` or `DEFAULT '…'`). Prefer parameters everywhere else.
///
/// ```swift
/// PostgresLiteral.quoted("it's")      // 'it''s'
/// PostgresLiteral.quoted(#"C:\temp"#) //  E'C:\\temp'
/// ```
public enum PostgresLiteral {
    /// `text` in single quotes with quotes doubled; with backslashes it becomes an `E'…'` string
    /// with them doubled, so the result means the same whatever `standard_conforming_strings` says
    /// (the same rule as libpq's `PQescapeLiteral`).
    public static func quoted(_ text: String) -> String {
        let hasBackslash = text.utf8.contains(UInt8(ascii: "\\"))
        var quoted = hasBackslash ? " E'" : "'"
        quoted.reserveCapacity(text.utf8.count + 4)
        // Scalars, not Characters, so a quote carrying a combining mark is still doubled.
        for scalar in text.unicodeScalars {
            if scalar == "'" || scalar == "\\" { quoted.unicodeScalars.append(scalar) }
            quoted.unicodeScalars.append(scalar)
        }
        quoted.append("'")
        return quoted
    }
}
