import Singer

/// Writes a value as compact JSON text straight into a COPY field: for `jsonb` columns, and for
/// `text` columns given an object, array, number or boolean.
///
/// JSON's own escaping leaves no raw tab, newline or carriage return, so the only COPY escaping
/// left is doubling each backslash. For `jsonb` the text must be something PostgreSQL's JSON
/// parser takes: `\u0000` goes through the NUL policy, NaN and Infinity are errors, numbers
/// must fit `numeric`. For `text` the value is kept as it was written (a `\u0000` escape is six
/// ordinary characters there, and NaN stays `NaN`).
struct CopyJSONText: Sendable {
    enum Target: Sendable {
        case jsonb
        case text
    }

    /// Under the NUL policy: `nil` to fail, else what stands in a JSON string for U+0000 (COPY-escaped).
    private let nulReplacement: [UInt8]?

    init(nulPolicy: NULPolicy) {
        switch nulPolicy {
        case .fail:
            nulReplacement = nil
        case .strip:
            nulReplacement = []
        case .replace(let replacement):
            var escaped: [UInt8] = []
            var withoutNUL = String(decoding: replacement.utf8.filter { $0 != 0 }, as: UTF8.self)
            withoutNUL.withUTF8 { _ = Self.appendStringBody($0, nul: [], to: &escaped) }
            nulReplacement = escaped
        }
    }

    func append(_ value: JSONValue, for target: Target, to buffer: inout [UInt8]) throws(CopyFieldFailure) {
        switch value {
        case .null: buffer.append(contentsOf: "null".utf8)
        case .bool(let flag): buffer.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): try appendNumber(number, for: target, to: &buffer)
        case .string(let string): try appendString(string, for: target, to: &buffer)
        case .array(let elements):
            buffer.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { buffer.append(UInt8(ascii: ",")) }
                try append(element, for: target, to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        case .object(let object):
            buffer.append(UInt8(ascii: "{"))
            for (position, member) in object.enumerated() {
                if position > 0 { buffer.append(UInt8(ascii: ",")) }
                try appendString(member.key, for: target, to: &buffer)
                buffer.append(UInt8(ascii: ":"))
                try append(member.value, for: target, to: &buffer)
            }
            buffer.append(UInt8(ascii: "}"))
        }
    }

    private func appendNumber(_ number: JSONNumber, for target: Target, to buffer: inout [UInt8]) throws(CopyFieldFailure) {
        var text = number.text
        let fits = text.withUTF8 { utf8 -> CopyEncodingError.Reason? in
            guard case .jsonb = target, let parts = CopyNumberText(utf8) else { return nil }
            if !parts.isFinite { return .nonFiniteNumberInJSON }
            return parts.fitsPostgresNumeric ? nil : .beyondNumericRange
        }
        if let fits { throw CopyFieldFailure(fits) }
        buffer.append(contentsOf: text.utf8)
    }

    private func appendString(_ string: String, for target: Target, to buffer: inout [UInt8]) throws(CopyFieldFailure) {
        var string = string
        let nul: [UInt8]? = switch target {
        case .jsonb: nulReplacement
        case .text: Self.escapedNUL
        }
        buffer.append(UInt8(ascii: "\""))
        guard string.withUTF8({ Self.appendStringBody($0, nul: nul, to: &buffer) }) else {
            throw CopyFieldFailure(.containsNUL)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// JSON's `\u0000`, COPY-escaped.
    private static let escapedNUL = Array(#"\\u0000"#.utf8)

    /// Appends the JSON-escaped, then COPY-escaped, body of a string; false on a NUL when `nul` is nil.
    private static func appendStringBody(_ utf8: UnsafeBufferPointer<UInt8>, nul: [UInt8]?, to buffer: inout [UInt8]) -> Bool {
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") { continue }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            if byte == 0 {
                guard let nul else { return false }
                buffer.append(contentsOf: nul)
                continue
            }
            // Each JSON escape starts with a backslash, which COPY doubles.
            buffer.append(UInt8(ascii: "\\"))
            buffer.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): buffer.append(byte)
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: buffer.append(UInt8(ascii: "n"))
            case 0x0D: buffer.append(UInt8(ascii: "r"))
            case 0x09: buffer.append(UInt8(ascii: "t"))
            case 0x08: buffer.append(UInt8(ascii: "b"))
            case 0x0C: buffer.append(UInt8(ascii: "f"))
            default:
                buffer.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                buffer.append(hexDigits[Int(byte >> 4)])
                buffer.append(hexDigits[Int(byte & 0xF)])
            }
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        return true
    }
}
