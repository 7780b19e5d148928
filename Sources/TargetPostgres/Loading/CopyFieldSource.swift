import Singer

/// What ``CopyRowEncoder`` reads of one record value: the seam that lets one encoder serve
/// records kept in wire form (`JSONElement`, written straight from the input bytes) and records
/// built in memory (`JSONValue`).
protocol CopyFieldSource {
    var copyKind: JSONElement.Kind { get }
    /// The flag of a boolean; `nil` for other kinds.
    var copyBool: Bool? { get }
    /// Calls `body` with a number's text as written; `nil` for other kinds.
    func withCopyNumberText<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result?
    /// Calls `body` with a string's decoded UTF-8; `nil` for other kinds.
    func withCopyDecodedString<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result?
    /// Appends a string as an escaped COPY field: `nil` for other kinds, false on U+0000 under
    /// ``NULPolicy/fail``.
    func appendCopyString(_ escaper: CopyFieldEscaper, to buffer: inout [UInt8]) -> Bool?
    /// Appends the value as JSON text, COPY-escaped.
    func appendCopyJSON(_ json: CopyJSONText, for target: CopyJSONText.Target, to buffer: inout [UInt8]) throws(CopyFieldFailure)
    /// The whole value, for error excerpts.
    var copyValue: JSONValue { get }
}
