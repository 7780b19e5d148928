import Singer

/// A value read from input, written from its input bytes: no `String`, no `JSONValue`.
extension JSONElement: CopyFieldSource {
    var copyKind: Kind { kind }

    var copyBool: Bool? { boolValue }

    func withCopyNumberText<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard kind == .number, let content = rawContent else { return nil }
        return body(content.bindMemory(to: UInt8.self))
    }

    func withCopyDecodedString<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard kind == .string, let content = rawContent else { return nil }
        guard hasEscapes else { return body(content.bindMemory(to: UInt8.self)) }
        // Only numeric and date columns decode, and their values seldom hold escapes.
        var decoded: [UInt8] = []
        appendUnescaped(to: &decoded)
        return decoded.withUnsafeBufferPointer(body)
    }

    func appendCopyString(_ escaper: CopyFieldEscaper, to buffer: inout [UInt8]) -> Bool? {
        guard kind == .string, let content = rawContent else { return nil }
        guard hasEscapes else {
            // Unescaped JSON string content has no backslash and no control character: nothing
            // for COPY to escape either.
            buffer.append(contentsOf: content.assumingMemoryBound(to: UInt8.self))  // typed: a bulk copy
            return true
        }
        return CopyJSONStringTranscoder.append(content, nulReplacement: escaper.nulReplacement, to: &buffer)
    }

    func appendCopyJSON(_ json: CopyJSONText, for target: CopyJSONText.Target, to buffer: inout [UInt8]) throws(CopyFieldFailure) {
        let fieldStart = buffer.count
        if CopyJSONText.appendRaw(rawJSON, for: target, to: &buffer) { return }
        // The text holds something jsonb rejects or the NUL policy must see: rebuild it.
        buffer.removeSubrange(fieldStart...)
        try json.append(value, for: target, to: &buffer)
    }

    var copyValue: JSONValue { value }
}
