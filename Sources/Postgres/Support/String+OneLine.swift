extension String {
    /// The lines of a libpq message joined by single spaces, each line's indent and the empty
    /// lines dropped: libpq ends messages with a newline and wraps them with "\n\t", and one
    /// line reads better in logs and error descriptions.
    func joinedIntoOneLine() -> String {
        split(whereSeparator: \.isNewline)
            .map { $0.trimmingPrefix(while: { $0 == "\t" || $0 == " " }) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
