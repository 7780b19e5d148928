/// Decoding of JSON string escapes, including UTF-16 surrogate pairs: shared by the core and
/// by encoders that turn escaped JSON strings into other formats (COPY text).
public enum JSONEscapes {
    /// Appends the UTF-8 of an escaped string body (already checked by the parser) to `output`.
    /// A lone surrogate, which UTF-8 cannot carry, becomes U+FFFD.
    static func unescape(_ raw: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        let bytes = raw.bindMemory(to: UInt8.self)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                appendUTF8(unicodeScalar(in: bytes, at: &index), to: &output)
            default: output.append(escape)  // \" \\ \/
            }
        }
    }

    /// The scalar of a `\u` escape whose four hex digits start at `index` (just past `\u`): a
    /// high surrogate followed by a `\u` low surrogate joins it; a lone surrogate, which UTF-8
    /// cannot carry, is U+FFFD. Moves `index` past what it read. The parser has checked the digits.
    public static func unicodeScalar(in bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32 {
        var scalar = hex4(bytes, index)
        index += 4
        if (0xD800...0xDBFF).contains(scalar) {
            if index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                case let low = hex4(bytes, index + 2), (0xDC00...0xDFFF).contains(low)
            {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                index += 6
            } else {
                scalar = 0xFFFD
            }
        } else if (0xDC00...0xDFFF).contains(scalar) {
            scalar = 0xFFFD
        }
        return scalar
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | (JSONTapeBuilder.hexValue(bytes[index + offset]) ?? 0) }
        return value
    }

    /// Appends the UTF-8 form of a Unicode scalar value.
    public static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
