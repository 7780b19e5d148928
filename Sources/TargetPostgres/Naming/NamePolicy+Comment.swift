extension NamePolicy {
    /// What a recorded-name comment starts with, so comments written by people are not
    /// mistaken for a mapping.
    public static let commentPrefix = "singer:"

    /// The `COMMENT ON COLUMN` / `COMMENT ON TABLE` text that records the Singer name an
    /// identifier was made from, so a later run maps the same name to the same column (and SQL
    /// users can see where a column came from).
    ///
    /// The name follows the prefix verbatim; quoting it into a literal is the loader's job.
    ///
    /// ```swift
    /// NamePolicy.comment(forOriginalName: "AnnualRevenue")   // "singer:AnnualRevenue"
    /// ```
    public static func comment(forOriginalName original: String) -> String {
        commentPrefix + original
    }

    /// The Singer name recorded by ``comment(forOriginalName:)``, read back from
    /// `pg_description`; `nil` for a missing comment or one this target did not write.
    ///
    /// ```swift
    /// NamePolicy.originalName(fromComment: "singer:AnnualRevenue")   // "AnnualRevenue"
    /// NamePolicy.originalName(fromComment: "Revenue in USD")         // nil
    /// ```
    public static func originalName(fromComment comment: String?) -> String? {
        // Compared by scalars, not Characters: a name starting with a combining mark would
        // otherwise merge with the prefix's `:` into one Character and never match.
        guard let comment, comment.unicodeScalars.starts(with: commentPrefix.unicodeScalars) else { return nil }
        return String(Substring(comment.unicodeScalars.dropFirst(commentPrefix.unicodeScalars.count)))
    }
}
