/// One lexical token of a SOQL statement, with its position for error messages.
struct SOQLToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A name or keyword, as written (`Id`, `select`, `Account.Name`).
        case identifier(String)
        /// A quoted string with escapes resolved.
        case string(String)
        /// A number as written (`-12.5`).
        case number(String)
        /// A datetime literal as milliseconds since the epoch (UTC).
        case dateTime(Int64)
        /// A date literal as days since the epoch.
        case date(Int)
        /// Punctuation or an operator: `( ) , = != <> < <= > >=`.
        case symbol(String)
        case end
    }

    var kind: Kind
    /// UTF-8 offset in the statement where the token starts.
    var offset: Int
    /// The source text, for "unexpected token" messages.
    var text: String

    /// Whether this is the keyword `word` (keywords are case-insensitive).
    func isKeyword(_ word: String) -> Bool {
        if case .identifier(let name) = kind { return name.uppercased() == word }
        return false
    }

    func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let value) = kind { return value == symbol }
        return false
    }
}
