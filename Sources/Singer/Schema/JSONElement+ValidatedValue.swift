/// Validation straight on the input bytes: strings and numbers are read where they stand,
/// member names are compared byte for byte, and nothing is allocated unless a string has
/// escapes, a name is not plain ASCII, or something fails.
extension JSONElement: ValidatedValue {
    private var validationToken: JSONTape.Token { tokens[index] }

    var validationKind: ValidatedKind { kind }

    var isIntegralNumber: Bool {
        let token = validationToken
        guard token.kind == .number else { return false }
        // An integer literal needs no reading; `1.0` and `1e3` do.
        return token.flag || withNumberDigits { $0?.isIntegral ?? false }
    }

    var materialized: JSONValue { value }

    func withStringUTF8<Result>(scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let token = validationToken
        let content = Self.utf8(bytes, token)
        guard token.kind == .string, token.flag else { return body(content) }
        scratch.removeAll(keepingCapacity: true)
        JSONEscapes.unescape(UnsafeRawBufferPointer(content), into: &scratch)
        return scratch.withUnsafeBufferPointer(body)
    }

    func withNumberDigits<Result>(_ body: (DecimalDigits?) -> Result) -> Result {
        let token = validationToken
        guard token.kind == .number else { return body(nil) }
        return body(DecimalDigits(Self.utf8(bytes, token)))
    }

    func forEachMember(lookingUpIn table: PropertyTable, _ body: (Int?, JSONElement, () -> String) -> Bool) {
        let token = validationToken
        guard token.kind == .object else { return }
        var cursor = 0
        var child = index + 1
        while child < Int(token.end) {
            let nameToken = tokens[child]
            let found: Int?
            if nameToken.flag {
                // An escaped name is compared as the `String` it decodes to; rare in records.
                found = table.lookup(materializer.pointee.string(nameToken, bytes), cursor: &cursor)
            } else {
                let name = UnsafeRawBufferPointer(Self.utf8(bytes, nameToken))
                switch table.lookup(utf8: name, cursor: &cursor) {
                case .found(let entry): found = entry
                case .absent: found = nil
                case .needsString: found = table.lookup(String(decoding: name, as: UTF8.self), cursor: &cursor)
                }
            }
            let value = JSONElement(tokens: tokens, index: child + 1, bytes: bytes, materializer: materializer)
            guard body(found, value, { materializer.pointee.string(nameToken, bytes) }) else { return }
            child = Int(tokens[child + 1].end)
        }
    }

    func hasMember(named name: String) -> Bool {
        let token = validationToken
        guard token.kind == .object else { return false }
        let nameIsASCII = name.utf8.allSatisfy { $0 < 0x80 }
        var child = index + 1
        while child < Int(token.end) {
            let nameToken = tokens[child]
            let raw = UnsafeRawBufferPointer(Self.utf8(bytes, nameToken))
            if !nameToken.flag, Self.equals(name, raw) { return true }
            // Bytes that differ can still be equal `String`s (canonical equivalence), as the
            // `JSONValue` walk compares them; only plain ASCII on both sides rules that out.
            if nameToken.flag || !nameIsASCII || !PropertyTable.isASCII(raw),
                materializer.pointee.string(nameToken, bytes) == name
            {
                return true
            }
            child = Int(tokens[child + 1].end)
        }
        return false
    }

    func forEachElement(_ body: (Int, JSONElement) -> Bool) {
        let token = validationToken
        guard token.kind == .array else { return }
        var child = index + 1
        var position = 0
        while child < Int(token.end) {
            guard body(position, JSONElement(tokens: tokens, index: child, bytes: bytes, materializer: materializer)) else { return }
            child = Int(tokens[child].end)
            position += 1
        }
    }

    /// A string's content (escapes undecoded) or a number's text, as typed bytes.
    @inline(__always)
    private static func utf8(_ bytes: UnsafeRawBufferPointer, _ token: JSONTape.Token) -> UnsafeBufferPointer<UInt8> {
        let start = bytes.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) + Int(token.start) }
        return UnsafeBufferPointer(start: start, count: Int(token.length))
    }
}
