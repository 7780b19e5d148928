#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scanning loop behind `JSONParser`: one pass over the bytes, an explicit container stack
/// instead of recursion, and all state in stored properties (captured locals would cost a
/// dynamic exclusivity check per byte).
struct JSONTapeBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    var position = 0
    var tokens: [JSONTape.Token]
    var containers: [UInt32]
    let options: JSONParser.Options

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    init(bytes: UnsafeBufferPointer<UInt8>, tokens: [JSONTape.Token], containers: [UInt32], options: JSONParser.Options) {
        self.bytes = bytes
        count = bytes.count
        self.tokens = tokens
        self.containers = containers
        self.options = options
        self.tokens.removeAll(keepingCapacity: true)
        self.containers.removeAll(keepingCapacity: true)
    }

    mutating func build() throws(JSONParseError) {
        // A UTF-8 byte order mark is tolerated at the very start (RFC 8259 §8.1 lets parsers ignore it).
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        var expectingValue = true
        while true {
            if expectingValue {
                if try scanValue() { continue }  // a container opened: its first element comes next
                expectingValue = false
            }
            // After a value: the end of the text, or a separator or closer of the enclosing container.
            guard let containerIndex = containers.last.map(Int.init) else {
                skipWhitespace()
                guard position == count else { throw fail("unexpected \(describeByte()) after the JSON value") }
                return
            }
            skipWhitespace()
            tokens[containerIndex].length += 1
            let isObject = tokens[containerIndex].kind == .object
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
    }

    /// Scans one value; returns true when it opened a non-empty container.
    @inline(__always)
    private mutating func scanValue() throws(JSONParseError) -> Bool {
        guard position < count else { throw fail("expected a value, found end of text") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try openContainer(.object, closer: UInt8(ascii: "}"))
        case UInt8(ascii: "["): return try openContainer(.array, closer: UInt8(ascii: "]"))
        case Self.quote: try scanString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        case UInt8(ascii: "t"): try scanLiteral("true", .true)
        case UInt8(ascii: "f"): try scanLiteral("false", .false)
        case UInt8(ascii: "n"): try scanLiteral("null", .null)
        case UInt8(ascii: "N") where options.allowsNonFiniteNumbers: try scanNonFinite("NaN", start: position)
        case UInt8(ascii: "I") where options.allowsNonFiniteNumbers: try scanNonFinite("Infinity", start: position)
        default: throw fail("expected a value, found \(describeByte())")
        }
        return false
    }

    private mutating func openContainer(_ kind: JSONTape.Kind, closer: UInt8) throws(JSONParseError) -> Bool {
        guard containers.count < options.maxDepth else { throw fail("nesting deeper than \(options.maxDepth) levels") }
        containers.append(UInt32(tokens.count))
        tokens.append(.init(kind: kind, flag: false, start: UInt32(position), length: 0, end: 0))
        position += 1
        skipWhitespace()
        if position < count, bytes[position] == closer {
            position += 1
            closeContainer()
            return false
        }
        if kind == .object { try scanKey() }
        return true
    }

    private mutating func closeContainer() {
        let index = Int(containers.removeLast())
        tokens[index].end = UInt32(tokens.count)
        tokens[index].byteEnd = UInt32(position)
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while position < count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    /// A member name, the colon after it, and the whitespace before the value.
    private mutating func scanKey() throws(JSONParseError) {
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

    private mutating func scanLiteral(_ word: StaticString, _ kind: JSONTape.Kind) throws(JSONParseError) {
        let length = word.utf8CodeUnitCount
        guard position + length <= count, memcmp(bytes.baseAddress! + position, word.utf8Start, length) == 0 else {
            throw fail("invalid literal, expected '\(word)'")
        }
        appendToken(kind, flag: false, start: position, length: length)
        position += length
    }

    private mutating func scanNonFinite(_ word: StaticString, start: Int) throws(JSONParseError) {
        let length = word.utf8CodeUnitCount
        guard position + length <= count, memcmp(bytes.baseAddress! + position, word.utf8Start, length) == 0 else {
            throw fail("invalid literal, expected '\(word)'")
        }
        position += length
        appendToken(.number, flag: false, start: start, length: position - start)
    }

    @inline(__always)
    private func isDigit(at index: Int) -> Bool { index < count && bytes[index] &- UInt8(ascii: "0") < 10 }

    private mutating func skipDigits() { while isDigit(at: position) { position += 1 } }

    private mutating func scanNumber() throws(JSONParseError) {
        let start = position
        var isIntegerLiteral = true
        if bytes[position] == UInt8(ascii: "-") {
            position += 1
            if options.allowsNonFiniteNumbers, position < count, bytes[position] == UInt8(ascii: "I") {
                return try scanNonFinite("Infinity", start: start)
            }
        }
        guard isDigit(at: position) else { throw fail("expected a digit in number") }
        if bytes[position] == UInt8(ascii: "0") { position += 1 } else { skipDigits() }
        if position < count, bytes[position] == UInt8(ascii: ".") {
            isIntegerLiteral = false
            position += 1
            guard isDigit(at: position) else { throw fail("expected a digit after the decimal point") }
            skipDigits()
        }
        if position < count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isIntegerLiteral = false
            position += 1
            if position < count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard isDigit(at: position) else { throw fail("expected a digit in the exponent") }
            while position < count, bytes[position] == UInt8(ascii: "0") { position += 1 }
            let significantStart = position
            skipDigits()
            // Beyond nine digits no real value exists (PostgreSQL's numeric stops near 1e131072),
            // and exact comparison could no longer tell such numbers apart.
            guard position - significantStart <= 9 else { throw fail("exponent has more than nine digits") }
        }
        appendToken(.number, flag: isIntegerLiteral, start: start, length: position - start)
    }

    private mutating func scanString() throws(JSONParseError) {
        position += 1  // the opening quote
        let start = position
        var hasEscapes = false
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while true {
            // Eight bytes at a time, jumping straight to the first byte that needs a look (little-endian).
            while position + 8 <= count {
                let mask = Self.attentionMask(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self)))
                if mask != 0 {
                    position += mask.trailingZeroBitCount >> 3
                    break
                }
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
        appendToken(.string, flag: hasEscapes, start: start, length: position - start)
        position += 1  // the closing quote
    }

    private mutating func scanEscape() throws(JSONParseError) {
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

    @inline(__always)
    private mutating func appendToken(_ kind: JSONTape.Kind, flag: Bool, start: Int, length: Int) {
        tokens.append(.init(kind: kind, flag: flag, start: UInt32(start), length: UInt32(length), end: UInt32(tokens.count + 1)))
    }

    private func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: position, reason: reason) }

    private func describeByte() -> String {
        guard position < count else { return "end of text" }
        let byte = bytes[position]
        return byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    /// A mask with the high bit set in each of eight bytes that is `"`, `\\`, below 0x20 or above
    /// 0x7F (SWAR zero-byte tests). Bits above the lowest set one may be false positives; the
    /// lowest one is exact, which is all the scanner uses.
    @inline(__always)
    static func attentionMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quotes = hasZeroByte(word ^ (ones &* 0x22))
        let backslashes = hasZeroByte(word ^ (ones &* 0x5C))
        let controls = (word &- ones &* 0x20) & ~word & highs
        return quotes | backslashes | controls | (word & highs)
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
