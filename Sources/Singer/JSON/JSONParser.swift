#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        return materializer.value(at: 0, of: tape, in: bytes)
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
        return try withUnsafeMutablePointer(to: &materializer) { materializer in
            try body(JSONElement(tape: tape, index: 0, bytes: bytes, materializer: materializer))
        }
    }

    // MARK: - Tape building

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    mutating func buildTape(_ input: UnsafeRawBufferPointer) throws(JSONParseError) {
        tape.reset()
        containerStack.removeAll(keepingCapacity: true)
        guard input.count < Int(UInt32.max) else {
            throw JSONParseError(offset: 0, reason: "text of \(input.count) bytes is larger than 4 GiB")
        }
        let bytes = input.bindMemory(to: UInt8.self)
        let count = bytes.count
        var position = 0
        // A UTF-8 byte order mark is tolerated at the very start (RFC 8259 §8.1 lets parsers ignore it).
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }

        @inline(__always) func skipWhitespace() {
            while position < count {
                let byte = bytes[position]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
                position += 1
            }
        }

        func fail(_ reason: String) -> JSONParseError {
            JSONParseError(offset: position, reason: reason)
        }

        func describeByte() -> String {
            guard position < count else { return "end of text" }
            let byte = bytes[position]
            return byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        }

        skipWhitespace()
        var expectingValue = true
        while true {
            if expectingValue {
                guard position < count else { throw fail("expected a value, found end of text") }
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard containerStack.count < options.maxDepth else {
                        throw fail("nesting deeper than \(options.maxDepth) levels")
                    }
                    let isObject = byte == UInt8(ascii: "{")
                    containerStack.append(UInt32(tape.tokens.count))
                    tape.tokens.append(.init(kind: isObject ? .object : .array, flag: false, start: UInt32(position), length: 0, end: 0))
                    position += 1
                    skipWhitespace()
                    let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if position < count, bytes[position] == closer {
                        position += 1
                        closeContainer()
                        expectingValue = false
                    } else if isObject {
                        try scanKey()
                    }
                    continue
                case Self.quote:
                    try scanString()
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    try scanNumber()
                case UInt8(ascii: "t"): try scanLiteral("true", .true)
                case UInt8(ascii: "f"): try scanLiteral("false", .false)
                case UInt8(ascii: "n"): try scanLiteral("null", .null)
                case UInt8(ascii: "N") where options.allowsNonFiniteNumbers: try scanNonFinite("NaN", start: position)
                case UInt8(ascii: "I") where options.allowsNonFiniteNumbers: try scanNonFinite("Infinity", start: position)
                default:
                    throw fail("expected a value, found \(describeByte())")
                }
                expectingValue = false
            }

            // After a value: the end of the text, or a separator or closer of the enclosing container.
            guard let containerIndex = containerStack.last else {
                skipWhitespace()
                guard position == count else { throw fail("unexpected \(describeByte()) after the JSON value") }
                return
            }
            skipWhitespace()
            tape.tokens[Int(containerIndex)].length += 1
            let isObject = tape.tokens[Int(containerIndex)].kind == .object
            guard position < count else {
                throw fail(isObject ? "unterminated object: expected ',' or '}'" : "unterminated array: expected ',' or ']'")
            }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
                if isObject { try scanKey() }
                expectingValue = true
            case UInt8(ascii: "}") where isObject, UInt8(ascii: "]") where !isObject:
                position += 1
                closeContainer()
            default:
                throw fail(isObject ? "expected ',' or '}' in object, found \(describeByte())" : "expected ',' or ']' in array, found \(describeByte())")
            }
        }

        func closeContainer() {
            let index = Int(containerStack.removeLast())
            tape.tokens[index].end = UInt32(tape.tokens.count)
        }

        /// A member name, the colon after it, and the whitespace before the value.
        func scanKey() throws(JSONParseError) {
            guard position < count, bytes[position] == Self.quote else {
                throw fail("expected a string member name, found \(describeByte())")
            }
            try scanString()
            skipWhitespace()
            guard position < count, bytes[position] == UInt8(ascii: ":") else {
                throw fail("expected ':' after member name, found \(describeByte())")
            }
            position += 1
            skipWhitespace()
        }

        func scanLiteral(_ word: StaticString, _ kind: JSONTape.Kind) throws(JSONParseError) {
            let length = word.utf8CodeUnitCount
            guard position + length <= count,
                memcmp(bytes.baseAddress! + position, word.utf8Start, length) == 0
            else { throw fail("invalid literal, expected '\(word)'") }
            tape.tokens.append(.init(kind: kind, flag: false, start: UInt32(position), length: UInt32(length), end: UInt32(tape.tokens.count + 1)))
            position += length
        }

        func scanNonFinite(_ word: StaticString, start: Int) throws(JSONParseError) {
            let length = word.utf8CodeUnitCount
            guard position + length <= count,
                memcmp(bytes.baseAddress! + position, word.utf8Start, length) == 0
            else { throw fail("invalid literal, expected '\(word)'") }
            position += length
            tape.tokens.append(.init(kind: .number, flag: false, start: UInt32(start), length: UInt32(position - start), end: UInt32(tape.tokens.count + 1)))
        }

        func scanNumber() throws(JSONParseError) {
            let start = position
            var isIntegerLiteral = true
            if bytes[position] == UInt8(ascii: "-") {
                position += 1
                if options.allowsNonFiniteNumbers, position < count, bytes[position] == UInt8(ascii: "I") {
                    return try scanNonFinite("Infinity", start: start)
                }
            }
            @inline(__always) func isDigit() -> Bool {
                position < count && bytes[position] &- UInt8(ascii: "0") < 10
            }
            guard isDigit() else { throw fail("expected a digit in number") }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
            } else {
                while isDigit() { position += 1 }
            }
            if position < count, bytes[position] == UInt8(ascii: ".") {
                isIntegerLiteral = false
                position += 1
                guard isDigit() else { throw fail("expected a digit after the decimal point") }
                while isDigit() { position += 1 }
            }
            if position < count, bytes[position] | 0x20 == UInt8(ascii: "e") {
                isIntegerLiteral = false
                position += 1
                if position < count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
                guard isDigit() else { throw fail("expected a digit in the exponent") }
                while isDigit() { position += 1 }
            }
            tape.tokens.append(.init(kind: .number, flag: isIntegerLiteral, start: UInt32(start), length: UInt32(position - start), end: UInt32(tape.tokens.count + 1)))
        }

        func scanString() throws(JSONParseError) {
            position += 1  // the opening quote
            let start = position
            var hasEscapes = false
            let base = bytes.baseAddress!
            while true {
                // Eight bytes at a time while none is a quote, backslash, control or non-ASCII byte.
                while position + 8 <= count {
                    let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                    if JSONParser.needsAttention(word) { break }
                    position += 8
                }
                guard position < count else {
                    position = start - 1
                    throw fail("unterminated string")
                }
                let byte = bytes[position]
                if byte == Self.quote { break }
                if byte == Self.backslash {
                    hasEscapes = true
                    try scanEscape()
                } else if byte < 0x20 {
                    throw fail("control character 0x\(String(byte, radix: 16)) must be escaped in a string")
                } else if byte >= 0x80 {
                    guard let length = UTF8Validation.sequenceLength(in: bytes, at: position) else {
                        throw fail("invalid UTF-8 in string")
                    }
                    position += length
                } else {
                    position += 1
                }
            }
            tape.tokens.append(.init(kind: .string, flag: hasEscapes, start: UInt32(start), length: UInt32(position - start), end: UInt32(tape.tokens.count + 1)))
            position += 1  // the closing quote
        }

        func scanEscape() throws(JSONParseError) {
            guard position + 1 < count else { throw fail("unterminated escape sequence") }
            switch bytes[position + 1] {
            case Self.quote, Self.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                position += 2
            case UInt8(ascii: "u"):
                guard position + 6 <= count, (2..<6).allSatisfy({ Self.hexValue(bytes[position + $0]) != nil }) else {
                    throw fail("\\u must be followed by four hex digits")
                }
                position += 6
            default:
                throw fail("invalid escape sequence")
            }
        }
    }

    /// Whether any of eight bytes is `"`, `\`, below 0x20 or above 0x7F (SWAR zero-byte tests).
    @inline(__always)
    static func needsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quotes = hasZeroByte(word ^ (ones &* 0x22))
        let backslashes = hasZeroByte(word ^ (ones &* 0x5C))
        let controls = (word &- ones &* 0x20) & ~word & highs
        return (quotes | backslashes | controls | (word & highs)) != 0
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
