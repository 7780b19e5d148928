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
        nulReplacement = nulPolicy.replacementBytes { _ = Self.appendStringBody($0, nul: [], to: &$1) }
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

    /// Appends JSON text as read, COPY-escaped; false (with part of it appended) when it holds
    /// something only ``append(_:for:to:)`` handles for jsonb: a `\u0000` or surrogate escape
    /// (for the NUL policy, and since jsonb rejects lone surrogates), NaN or Infinity.
    static func appendRaw(_ raw: UnsafeRawBufferPointer, for target: Target, to buffer: inout [UInt8]) -> Bool {
        let bytes = raw.bindMemory(to: UInt8.self)
        var isInString = false
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let escaped: UInt8
            switch byte {
            case UInt8(ascii: "\\"):
                if case .jsonb = target, bytes[index + 1] == UInt8(ascii: "u"), rejectedByJSONB(bytes, escapeAt: index) { return false }
                // The escaped character is copied with its backslash: `\"` does not end the string.
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(bytes[index + 1])
                if bytes[index + 1] == UInt8(ascii: "\\") { buffer.append(UInt8(ascii: "\\")) }  // `\\` is two backslashes
                index += 2
                runStart = index
                continue
            case UInt8(ascii: "\""):
                isInString.toggle()
                index += 1
                continue
            case UInt8(ascii: "N"), UInt8(ascii: "I"):
                if !isInString, case .jsonb = target { return false }
                index += 1
                continue
            // Whitespace between tokens: JSON strings cannot hold these raw.
            case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
            case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
            default:
                index += 1
                continue
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            buffer.append(UInt8(ascii: "\\"))
            buffer.append(escaped)
            index += 1
            runStart = index
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        return true
    }

    /// Whether the `\uXXXX` escape at `index` is U+0000 or half of a surrogate pair (D800–DFFF).
    private static func rejectedByJSONB(_ bytes: UnsafeBufferPointer<UInt8>, escapeAt index: Int) -> Bool {
        let first = bytes[index + 2] | 0x20, second = bytes[index + 3] | 0x20
        if first == UInt8(ascii: "d") {
            return (UInt8(ascii: "8")...UInt8(ascii: "9")).contains(second) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(second)
        }
        return first == UInt8(ascii: "0") && second == UInt8(ascii: "0")
            && bytes[index + 4] == UInt8(ascii: "0") && bytes[index + 5] == UInt8(ascii: "0")
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
