extension String {
    /// The string without leading and trailing spaces, tabs and newlines (hand-written config
    /// values, `.env` lines and catalog values vary).
    func strippingSurroundingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
