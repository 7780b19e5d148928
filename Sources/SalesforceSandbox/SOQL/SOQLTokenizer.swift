import Singer

/// Splits a SOQL statement into tokens: names, quoted strings (backslash escapes), numbers,
/// unquoted date and datetime literals (`2024-01-02`, `2024-01-02T03:04:05Z`, 0–6 fraction
/// digits, `Z` or `±hh:mm`), and operators. Whitespace of any length separates tokens.
struct SOQLTokenizer {
    let query: String
    private let bytes: [UInt8]
    private var position = 0

    init(_ query: String) {
        self.query = query
        bytes = Array(query.utf8)
    }

    static func tokens(_ query: String) throws(SOQLError) -> [SOQLToken] {
        var tokenizer = SOQLTokenizer(query)
        var tokens: [SOQLToken] = []
        while true {
            let token = try tokenizer.next()
            tokens.append(token)
            if case .end = token.kind { return tokens }
        }
    }

    private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private static func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || isDigit(byte) || byte == 0x5F || byte == 0x2E || byte >= 0x80
    }

    mutating func next() throws(SOQLError) -> SOQLToken {
        while let current = byte(at: position), current == 0x20 || current == 0x0A || current == 0x0D || current == 0x09 { position += 1 }
        let start = position
        guard let first = byte(at: position) else { return SOQLToken(kind: .end, offset: start, text: "") }
        if first == UInt8(ascii: "'") { return try string(start: start) }
        if Self.isDigit(first) || ((first == UInt8(ascii: "-") || first == UInt8(ascii: "+")) && Self.isDigit(byte(at: position + 1))) {
            if let temporal = try temporal(start: start) { return temporal }
            position += 1
            while Self.isDigit(byte(at: position)) || byte(at: position) == UInt8(ascii: ".") { position += 1 }
            return SOQLToken(kind: .number(text(start..<position)), offset: start, text: text(start..<position))
        }
        for symbol in ["!=", "<>", "<=", ">=", "=", "<", ">", "(", ")", ","] where bytes[position...].starts(with: symbol.utf8) {
            position += symbol.utf8.count
            return SOQLToken(kind: .symbol(symbol == "<>" ? "!=" : symbol), offset: start, text: symbol)
        }
        guard Self.isNameByte(first) else {
            position += 1
            throw SOQLError.malformed(query, SOQLToken(kind: .symbol(text(start..<position)), offset: start, text: text(start..<position)))
        }
        while let current = byte(at: position), Self.isNameByte(current) || current == UInt8(ascii: ":") { position += 1 }
        return SOQLToken(kind: .identifier(text(start..<position)), offset: start, text: text(start..<position))
    }

    private mutating func string(start: Int) throws(SOQLError) -> SOQLToken {
        position += 1
        var value: [UInt8] = []
        while let current = byte(at: position) {
            position += 1
            if current == UInt8(ascii: "'") {
                return SOQLToken(kind: .string(String(decoding: value, as: UTF8.self)), offset: start, text: text(start..<position))
            }
            if current == UInt8(ascii: "\\"), let escaped = byte(at: position) {
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "r"): value.append(0x0D)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "b"): value.append(0x08)
                case UInt8(ascii: "f"): value.append(0x0C)
                case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "%"), UInt8(ascii: "_"):
                    // \% and \_ stay escaped so LIKE can tell them from wildcards.
                    if escaped == UInt8(ascii: "%") || escaped == UInt8(ascii: "_") { value.append(UInt8(ascii: "\\")) }
                    value.append(escaped)
                default:
                    throw SOQLError.at("MALFORMED_QUERY", query: query, offset: position - 2, "Invalid string literal '\(text(start..<min(position, bytes.count)))'. Illegal character sequence '\\\(String(UnicodeScalar(escaped)))' in string literal.")
                }
                continue
            }
            value.append(current)
        }
        throw SOQLError.at("MALFORMED_QUERY", query: query, offset: start, "unexpected token: '\(text(start..<bytes.count))' (unterminated string)")
    }

    /// A date or datetime literal at `start`, or `nil` when the text is a plain number.
    private mutating func temporal(start: Int) throws(SOQLError) -> SOQLToken? {
        guard start + 10 <= bytes.count, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            (0..<4).allSatisfy({ Self.isDigit(bytes[start + $0]) })
        else { return nil }
        var end = start + 10
        while let current = byte(at: end), Self.isNameByte(current) || current == UInt8(ascii: ":") || current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { end += 1 }
        let literal = text(start..<end)
        position = end
        let token = SOQLToken(kind: .symbol(literal), offset: start, text: literal)
        if end == start + 10 {
            guard let date = RFC3339.parseDate(literal) else { throw SOQLError.malformed(query, token, "line 1:\(start) no viable alternative at character '\(literal)'") }
            return SOQLToken(kind: .date(date.daysSince1970), offset: start, text: literal)
        }
        let timePart = literal.dropFirst(11)
        let hasZone = timePart.hasSuffix("Z") || timePart.contains("+") || timePart.contains("-")
        let fraction = timePart.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
        guard literal.utf8[literal.utf8.index(literal.utf8.startIndex, offsetBy: 10)] == UInt8(ascii: "T"), hasZone, fraction <= 9,
            let moment = RFC3339.parseDateTime(literal)
        else {
            throw SOQLError.malformed(query, token, "value of filter criterion for field must be a valid dateTime: '\(literal)'")
        }
        let milliseconds = Int64(moment.secondsSince1970) * 1000 + Int64(moment.time.nanosecond / 1_000_000)
        return SOQLToken(kind: .dateTime(milliseconds), offset: start, text: literal)
    }
}
