/// A JSON value kept as it was read: the input bytes and their token tape, with `JSONValue`s
/// built only when asked for.
///
/// A RECORD read from stdin is held this way, so a reader hands it on for two allocations
/// (the bytes and the tokens) instead of one or more per field; a target can walk it with
/// `withElement` and encode straight from the input bytes.
///
/// ```swift
/// let raw: RawJSON = …                 // e.g. `recordMessage.rawRecord`
/// raw.withElement { $0.member("Amount")?.numberValue }
/// raw.value                            // the whole JSONValue, built now
/// ```
public struct RawJSON: Sendable {
    /// The bytes the tokens point into (the whole input line).
    let bytes: [UInt8]
    /// The value's subtree; `end` indices are relative to its first token.
    let tape: JSONTape

    /// Copies the element's bytes and subtree out of a parser's reusable buffers.
    init(copying element: JSONElement) {
        bytes = Array(element.bytes)
        let root = element.tokens[element.index]
        let first = element.index
        var tokens = Array(element.tokens[first..<Int(root.end)])
        for position in tokens.indices { tokens[position].end -= UInt32(first) }
        tape = JSONTape(tokens: tokens)
    }

    /// The whole value, materialised.
    public var value: JSONValue {
        withElement { $0.value }
    }

    /// Walks the value without materialising it; the element is valid only inside `body`.
    public func withElement<Result>(_ body: (JSONElement) throws -> Result) rethrows -> Result {
        var materializer = JSONMaterializer(caching: false)
        return try bytes.withUnsafeBytes { buffer in
            try tape.tokens.withUnsafeBufferPointer { tokens in
                try withUnsafeMutablePointer(to: &materializer) { pointer in
                    try body(JSONElement(tokens: tokens, index: 0, bytes: buffer, materializer: pointer))
                }
            }
        }
    }
}

extension JSONElement {
    /// An owned copy of this element that outlives the parser's buffers.
    public func retained() -> RawJSON { RawJSON(copying: self) }
}
