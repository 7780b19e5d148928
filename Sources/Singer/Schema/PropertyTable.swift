/// The names an object schema knows (`properties`, then `required` names without a schema),
/// arranged for the per-record walk: records usually list members in schema order, so a cursor
/// finds most names with one string comparison, and a dictionary catches the rest.
struct PropertyTable: Sendable {
    struct Entry: Sendable {
        let name: String
        /// `nil` for a name that is only `required`.
        let schema: JSONSchema?
        /// The bit standing for this name in a record's "required names seen" mask, or -1.
        let requiredBit: Int
    }

    let entries: [Entry]
    private let indexByName: [String: Int]
    let requiredCount: Int

    /// Required names fit a 64-bit mask; beyond that the walk looks each one up instead.
    var tracksRequiredWithMask: Bool { requiredCount <= 64 }

    init(properties: [JSONSchema.Property], required: [String]) {
        var requiredBits: [String: Int] = [:]
        for name in required where requiredBits[name] == nil { requiredBits[name] = requiredBits.count }
        var entries = properties.map { property in
            Entry(name: property.name, schema: property.schema, requiredBit: requiredBits[property.name] ?? -1)
        }
        let named = Set(properties.map(\.name))
        for name in required where !named.contains(name) && !entries.contains(where: { $0.name == name }) {
            entries.append(Entry(name: name, schema: nil, requiredBit: requiredBits[name] ?? -1))
        }
        self.entries = entries
        requiredCount = requiredBits.count
        indexByName = Dictionary(entries.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The index in `entries` of `name`, trying `cursor` first and leaving it just past the
    /// entry found. An index rather than the entry, so the hot path copies no strings.
    func lookup(_ name: String, cursor: inout Int) -> Int? {
        if cursor < entries.count, entries[cursor].name == name {
            cursor += 1
            return cursor - 1
        }
        guard let index = indexByName[name] else { return nil }
        cursor = index + 1
        return index
    }
}
