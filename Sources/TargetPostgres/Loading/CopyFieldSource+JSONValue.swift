import Singer

/// A value built in memory (a record that was not read from input, or was changed since).
extension JSONValue: CopyFieldSource {
    var copyKind: JSONElement.Kind { kind }

    var copyBool: Bool? { boolValue }

    func withCopyNumberText<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard case .number(let number) = self else { return nil }
        var text = number.text
        return text.withUTF8(body)
    }

    func withCopyDecodedString<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard case .string(var string) = self else { return nil }
        return string.withUTF8(body)
    }

    func appendCopyString(_ escaper: CopyFieldEscaper, to buffer: inout [UInt8]) -> Bool? {
        withCopyDecodedString { escaper.append($0, to: &buffer) }
    }

    func appendCopyJSON(_ json: CopyJSONText, for target: CopyJSONText.Target, to buffer: inout [UInt8]) throws(CopyFieldFailure) {
        try json.append(self, for: target, to: &buffer)
    }

    var copyValue: JSONValue { self }
}
