extension PostgresError: CustomStringConvertible {
    /// One paragraph saying what failed, where, and what the server suggested.
    public var description: String {
        var text: String
        switch kind {
        case .connectionFailed: text = "PostgreSQL connection failed"
        case .connectionLost: text = "PostgreSQL connection lost"
        case .server: text = "PostgreSQL error"
        case .client: text = "libpq error"
        case .invalidInput: text = "invalid input for PostgreSQL"
        case .unexpectedValue: text = "unexpected value from PostgreSQL"
        case .transactionAborted: text = "PostgreSQL transaction rolled back"
        case .misuse: text = "PostgreSQL API misuse"
        }
        if let sqlState { text += " \(sqlState)" }
        if let severity, severity != "ERROR" { text += " (\(severity))" }
        if let target { text += " on \(target)" }
        text += ": \(message)"
        if let detail { text += "\n  detail: \(detail)" }
        if let hint { text += "\n  hint: \(hint)" }
        if let context { text += "\n  where: \(context)" }
        if let statement {
            text += "\n  statement: \(statement)"
            if let position { text += " (at character \(position))" }
        }
        if kind == .connectionLost { text += "\n  reconnect before retrying; work not committed was rolled back" }
        return text
    }
}
