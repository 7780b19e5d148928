/// Turns the content of a JSON string, escapes and all, into a COPY text field in one pass:
/// no decoded copy in between.
///
/// Raw JSON string content holds no control characters and no backslash except in escapes, so
/// plain runs go through untouched. `\n`, `\t`, `\r` and `\\` mean the same in COPY and are
/// copied; `\"` and `\/` lose their backslash; `\b`, `\f` and `\uXXXX` are decoded (a lone
/// surrogate becomes U+FFFD, as the JSON reader does) and COPY-escaped where needed; U+0000
/// follows the NUL policy.
enum CopyJSONStringTranscoder {
    /// Appends the field; false on U+0000 when `nulReplacement` is nil (``NULPolicy/fail``).
    static func append(_ content: UnsafeRawBufferPointer, nulReplacement: [UInt8]?, to buffer: inout [UInt8]) -> Bool {
        let bytes = content.bindMemory(to: UInt8.self)
        var runStart = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "\\"):
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(escape)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "u"):
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
                guard appendScalar(scalar, nulReplacement: nulReplacement, to: &buffer) else { return false }
            default:
                buffer.append(escape)  // \" and \/
            }
            runStart = index
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        return true
    }

    private static func appendScalar(_ scalar: UInt32, nulReplacement: [UInt8]?, to buffer: inout [UInt8]) -> Bool {
        switch scalar {
        case 0:
            guard let nulReplacement else { return false }
            buffer.append(contentsOf: nulReplacement)
        case 0x5C: buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x09: buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0x0A: buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case ..<0x80:
            buffer.append(UInt8(scalar))
        case ..<0x800:
            buffer.append(UInt8(0xC0 | scalar >> 6))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            buffer.append(UInt8(0xE0 | scalar >> 12))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        default:
            buffer.append(UInt8(0xF0 | scalar >> 18))
            buffer.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        }
        return true
    }

    /// Four hex digits, already checked by the parser.
    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8 = switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            default: byte &- UInt8(ascii: "A") &+ 10
            }
            value = value << 4 | UInt32(digit & 0xF)
        }
        return value
    }
}
