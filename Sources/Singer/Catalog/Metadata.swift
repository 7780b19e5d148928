/// A catalog entry's `metadata` list, addressable by breadcrumb.
///
/// The list keeps its order; when a breadcrumb appears twice the last one wins (as in
/// singer-python's `metadata.to_map`) but both are written back.
///
/// ```swift
/// var metadata = Metadata()
/// metadata[.stream, default: MetadataEntry(breadcrumb: .stream)].selected = true
/// metadata.root.selected                        // true
/// metadata[.property("Id")]?.inclusion          // nil: no entry yet
/// ```
public struct Metadata: Sendable, Hashable, RandomAccessCollection {
    /// The entries in catalog order.
    public private(set) var entries: [MetadataEntry]
    /// Position of the last entry for each breadcrumb, so selection over wide Salesforce
    /// objects (hundreds of fields) does not scan the list per field.
    private var positions: [Breadcrumb: Int] = [:]

    /// An empty metadata list (which, under the SDK rule, selects everything).
    public init() { entries = [] }

    /// A metadata list from entries, in order.
    public init(_ entries: [MetadataEntry]) {
        self.entries = entries
        rebuildIndex()
    }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> MetadataEntry { entries[position] }

    /// The entry for `breadcrumb`; setting `nil` removes every entry for it.
    public subscript(breadcrumb: Breadcrumb) -> MetadataEntry? {
        get { positions[breadcrumb].map { entries[$0] } }
        set {
            if var newValue {
                newValue.breadcrumb = breadcrumb
                if let position = positions[breadcrumb] {
                    entries[position] = newValue
                } else {
                    append(newValue)
                }
            } else if positions[breadcrumb] != nil {
                entries.removeAll { $0.breadcrumb == breadcrumb }
                rebuildIndex()
            }
        }
    }

    /// The entry for `breadcrumb`, created empty (at the end of the list) on first write.
    public subscript(breadcrumb: Breadcrumb, default defaultEntry: @autoclosure () -> MetadataEntry)
        -> MetadataEntry
    {
        get { self[breadcrumb] ?? defaultEntry() }
        set { self[breadcrumb] = newValue }
    }

    /// The stream's own entry (breadcrumb `[]`); an empty one when the list has none.
    public var root: MetadataEntry {
        get { self[.stream] ?? MetadataEntry(breadcrumb: .stream) }
        set { self[.stream] = newValue }
    }

    /// A value at `breadcrumb`, or `nil` when the entry or the key is missing.
    public func value(_ key: MetadataKey, at breadcrumb: Breadcrumb) -> JSONValue? {
        self[breadcrumb]?[key]
    }

    /// Sets (or with `nil` removes) one value at `breadcrumb`, creating the entry if needed.
    public mutating func set(_ key: String, _ value: JSONValue?, at breadcrumb: Breadcrumb) {
        if value == nil && self[breadcrumb] == nil { return }
        self[breadcrumb, default: MetadataEntry(breadcrumb: breadcrumb)][key] = value
    }

    /// Sets (or with `nil` removes) one documented value at `breadcrumb`.
    public mutating func set(_ key: MetadataKey, _ value: JSONValue?, at breadcrumb: Breadcrumb) {
        set(key.rawValue, value, at: breadcrumb)
    }

    /// Appends an entry even if its breadcrumb is already present (the list as read).
    public mutating func append(_ entry: MetadataEntry) {
        entries.append(entry)
        positions[entry.breadcrumb] = entries.count - 1
    }

    /// The list as catalog JSON.
    public var json: JSONValue { .array(entries.map(\.json)) }

    private mutating func rebuildIndex() {
        positions.removeAll(keepingCapacity: true)
        for (position, entry) in entries.enumerated() { positions[entry.breadcrumb] = position }
    }

    public static func == (lhs: Metadata, rhs: Metadata) -> Bool { lhs.entries == rhs.entries }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }
}
