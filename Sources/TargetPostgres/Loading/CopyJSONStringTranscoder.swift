import Singer

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
                let scalar = JSONEscapes.unicodeScalar(in: bytes, at: &index)
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
        default:
            JSONEscapes.appendUTF8(scalar, to: &buffer)
        }
        return true
    }
}
