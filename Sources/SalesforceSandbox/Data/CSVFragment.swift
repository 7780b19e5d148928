/// Turns a field's REST JSON fragment into its Bulk CSV form: every value double-quoted
/// (embedded quotes doubled, line breaks kept), nulls as `""`, datetimes ending in `Z`
/// (`2013-05-20T20:49:32.000Z`), numbers as plain decimals without exponents.
enum CSVFragment {
    static func convert(_ json: ArraySlice<UInt8>, type: FieldType, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        defer { bytes.append(UInt8(ascii: "\"")) }
        guard let first = json.first, !(json.count == 4 && first == UInt8(ascii: "n")) else { return }
        if first == UInt8(ascii: "\"") {
            let inner = json.dropFirst().dropLast()
            if type == .datetime, inner.count == 28 {
                bytes += inner.prefix(23)
                bytes.append(UInt8(ascii: "Z"))
                return
            }
            appendUnescaped(inner, into: &bytes)
            return
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return }
        if type.isNumeric || type == .anyType, json.contains(UInt8(ascii: "E")) {
            bytes += Array(plain(fromExponent: String(decoding: json, as: UTF8.self)).utf8)
            return
        }
        bytes += json
    }

    /// Decodes JSON string escapes and doubles `"` for CSV.
    private static func appendUnescaped(_ inner: ArraySlice<UInt8>, into bytes: inout [UInt8]) {
        var index = inner.startIndex
        while index < inner.endIndex {
            let byte = inner[index]
            if byte == UInt8(ascii: "\"") {
                bytes += [UInt8(ascii: "\""), UInt8(ascii: "\"")]
            } else if byte == UInt8(ascii: "\\"), index + 1 < inner.endIndex {
                index += 1
                switch inner[index] {
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\""), UInt8(ascii: "\"")]
                case UInt8(ascii: "u") where index + 4 < inner.endIndex:
                    let hex = String(decoding: inner[index + 1...index + 4], as: UTF8.self)
                    if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                        bytes += Array(String(Character(scalar)).utf8)
                    }
                    index += 4
                default: bytes.append(inner[index])
                }
            } else {
                bytes.append(byte)
            }
            index += 1
        }
    }

    /// `1.234567890123499E13` → `12345678901234.99`, by moving the point in the digits.
    static func plain(fromExponent text: String) -> String {
        let parts = text.split(separator: "E")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return text }
        var mantissa = String(parts[0])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerDigits = String(pieces[0])
        let fractionDigits = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = integerDigits + fractionDigits
        var point = integerDigits.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        }
        while digits.count < point { digits += "0" }
        var integer = String(digits.prefix(point))
        var fraction = String(digits.dropFirst(point))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if fraction.isEmpty { fraction = "0" }
        while integer.count > 1 && integer.hasPrefix("0") { integer.removeFirst() }
        return (negative ? "-" : "") + integer + "." + fraction
    }
}
