/// Access to an element's input bytes, for consumers that re-encode values without building
/// `JSONValue`s (a target writing COPY rows). Like the element, the bytes are valid only while
/// the element is.
extension JSONElement {
    /// The value's JSON text exactly as read: a string with its quotes and escapes, a number as
    /// written, a container from its opening to its closing bracket.
    public var rawJSON: UnsafeRawBufferPointer {
        let token = tokens[index]
        let range: Range<Int> = switch token.kind {
        case .string: Int(token.start) - 1..<Int(token.start + token.length) + 1
        case .array, .object: Int(token.start)..<Int(token.byteEnd)
        default: Int(token.start)..<Int(token.start + token.length)
        }
        return UnsafeRawBufferPointer(rebasing: bytes[range])
    }

    /// A string's bytes between its quotes, escapes not decoded (see ``hasEscapes``), or a
    /// number's text; `nil` for other kinds.
    public var rawContent: UnsafeRawBufferPointer? {
        let token = tokens[index]
        guard token.kind == .string || token.kind == .number else { return nil }
        return UnsafeRawBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.start + token.length)])
    }

    /// Whether a string's raw content holds escapes that ``appendUnescaped(to:)`` decodes.
    public var hasEscapes: Bool {
        let token = tokens[index]
        return token.kind == .string && token.flag
    }

    /// Whether a number is written as an integer literal (no fraction, no exponent).
    public var isIntegerLiteral: Bool {
        let token = tokens[index]
        return token.kind == .number && token.flag
    }

    /// A boolean's value; `nil` for other kinds.
    public var boolValue: Bool? {
        switch tokens[index].kind {
        case .true: true
        case .false: false
        default: nil
        }
    }

    /// Appends a string's decoded UTF-8 to `output` (lone surrogates become U+FFFD).
    public func appendUnescaped(to output: inout [UInt8]) {
        guard let content = rawContent, tokens[index].kind == .string else { return }
        if hasEscapes { JSONEscapes.unescape(content, into: &output) } else { output.append(contentsOf: content) }
    }

    /// Calls `body` with each member of an object in order: the member name's raw bytes
    /// (escapes undecoded, rare in names) and the value. Does nothing for other kinds.
    public func forEachMember(_ body: (_ rawName: UnsafeRawBufferPointer, _ value: JSONElement) throws -> Void) rethrows {
        let token = tokens[index]
        guard token.kind == .object else { return }
        var child = index + 1
        while child < Int(token.end) {
            let name = tokens[child]
            try body(
                UnsafeRawBufferPointer(rebasing: bytes[Int(name.start)..<Int(name.start + name.length)]),
                JSONElement(tokens: tokens, index: child + 1, bytes: bytes, materializer: materializer))
            child = Int(tokens[child + 1].end)
        }
    }

    /// Calls `body` with each element of an array in order (a page of API records), without
    /// materialising the array. Does nothing for other kinds.
    public func forEachElement(_ body: (JSONElement) throws -> Void) rethrows {
        let token = tokens[index]
        guard token.kind == .array else { return }
        var child = index + 1
        while child < Int(token.end) {
            try body(JSONElement(tokens: tokens, index: child, bytes: bytes, materializer: materializer))
            child = Int(tokens[child].end)
        }
    }
}
