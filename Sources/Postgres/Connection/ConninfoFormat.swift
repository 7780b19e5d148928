/// Writes libpq `keyword=value` connection strings.
///
/// Every value is single-quoted with `\` and `'` backslash-escaped, which libpq accepts for any
/// value; quoting only "when needed" would be one more rule to get wrong for passwords with spaces.
enum ConninfoFormat {
    /// `value` as a quoted conninfo value: `it's` → `'it\'s'`.
    static func quoted(_ value: String) -> String {
        var quoted = "'"
        quoted.reserveCapacity(value.utf8.count + 2)
        // Scalars, not Characters, so a quote carrying a combining mark is still escaped.
        for scalar in value.unicodeScalars {
            if scalar == "\\" || scalar == "'" { quoted.unicodeScalars.append("\\") }
            quoted.unicodeScalars.append(scalar)
        }
        quoted.append("'")
        return quoted
    }

    /// `keyword='value' …` for the pairs in order.
    static func conninfo(_ pairs: [(keyword: String, value: String)]) -> String {
        pairs.map { "\($0.keyword)=\(quoted($0.value))" }.joined(separator: " ")
    }
}
