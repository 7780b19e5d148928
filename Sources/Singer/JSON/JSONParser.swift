/// A strict RFC 8259 parser that builds a flat token tape, reused from one text to the next.
///
/// It never recurses (nesting is limited by `Options.maxDepth`, not by the stack), validates
/// UTF-8 inside strings, and reports the byte offset of the first error.
///
/// ```swift
/// var parser = JSONParser()
/// let value = try parser.parse(#"{"Id":"001","Amount":12345678901234.99}"#)
/// ```
public struct JSONParser {
    public struct Options: Sendable {
        /// Deeper texts are rejected with an error rather than risking the stack of whoever walks them.
        public var maxDepth: Int = 512
        /// Accept the bare `NaN`, `Infinity` and `-Infinity` tokens that Python's `json` writes.
        public var allowsNonFiniteNumbers: Bool = false

        public init(maxDepth: Int = 512, allowsNonFiniteNumbers: Bool = false) {
            self.maxDepth = maxDepth
            self.allowsNonFiniteNumbers = allowsNonFiniteNumbers
        }
    }

    public var options: Options
    var tape = JSONTape()
    var containerStack: [UInt32] = []
    var materializer = JSONMaterializer()

    public init(options: Options = Options()) { self.options = options }

    /// Parses a complete JSON text into a value.
    public mutating func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        try buildTape(bytes)
        return tape.tokens.withUnsafeBufferPointer { materializer.value(at: 0, of: $0, in: bytes) }
    }

    public mutating func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws -> JSONValue {
        if let result = try bytes.withContiguousStorageIfAvailable({ try parse(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return try Array(bytes).withUnsafeBytes { try parse($0) }
    }

    public mutating func parse(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { try parse(UnsafeRawBufferPointer($0)) }
    }

    /// Parses `bytes` and hands `body` a view of the result, without building `JSONValue`s for
    /// what `body` does not look at. The view is valid only inside `body`.
    public mutating func withDocument<Result>(
        _ bytes: UnsafeRawBufferPointer,
        _ body: (JSONElement) throws -> Result
    ) throws -> Result {
        try buildTape(bytes)
        return try tape.tokens.withUnsafeBufferPointer { tokens in
            try withUnsafeMutablePointer(to: &materializer) { materializer in
                try body(JSONElement(tokens: tokens, index: 0, bytes: bytes, materializer: materializer))
            }
        }
    }

    // MARK: - Tape building

    mutating func buildTape(_ input: UnsafeRawBufferPointer) throws(JSONParseError) {
        guard input.count < Int(UInt32.max) else {
            throw JSONParseError(offset: 0, reason: "text of \(input.count) bytes is larger than 4 GiB")
        }
        // Move the reusable storage into the builder so appends stay unique (no copy on write).
        var builder = JSONTapeBuilder(
            bytes: input.bindMemory(to: UInt8.self), tokens: tape.tokens, containers: containerStack, options: options)
        tape.tokens = []
        containerStack = []
        defer {
            tape.tokens = builder.tokens
            containerStack = builder.containers
        }
        try builder.build()
    }
}
