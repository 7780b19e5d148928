import Singer

/// One queried field as the record encoder uses it: its name, how its values convert, and the
/// bytes written before its value in a record (`"Name":`), computed once per stream.
struct SyncField: Sendable, Hashable {
    /// The API name, as in the SELECT list and the records.
    let name: String
    /// How values are converted.
    let kind: FieldKind
    /// The name's UTF-8, matched against member names in REST pages and CSV headers.
    let nameBytes: [UInt8]
    /// `"Name":`, JSON-escaped.
    let memberPrefix: [UInt8]

    init(name: String, kind: FieldKind) {
        self.name = name
        self.kind = kind
        nameBytes = Array(name.utf8)
        var writer = JSONWriter(capacity: name.utf8.count + 4)
        writer.writeString(name)
        writer.appendRaw(":")
        memberPrefix = writer.bytes
    }
}
