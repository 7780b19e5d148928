/// One element of a catalog entry's `metadata` list: a breadcrumb and its key/value pairs.
///
/// Every key is kept as written, in order, including ones this library does not model
/// (`tap-zuora.joined_object`, a UI's own flags), so a catalog survives a read and a write.
///
/// ```swift
/// var root = MetadataEntry(breadcrumb: .stream)
/// root.selected = true
/// root[.replicationKey] = "SystemModstamp"
/// root.json   // {"breadcrumb":[],"metadata":{"selected":true,"replication-key":"SystemModstamp"}}
/// ```
public struct MetadataEntry: Sendable {
    /// Which part of the stream this entry describes.
    public var breadcrumb: Breadcrumb
    /// The `metadata` object: every key, in order.
    public var values: JSONObject
    /// The list element as read, so that sibling keys of `breadcrumb`/`metadata` and their
    /// order survive a round trip.
    private var original: JSONObject

    /// An entry for `breadcrumb` holding `values`.
    public init(breadcrumb: Breadcrumb, values: JSONObject = JSONObject()) {
        self.breadcrumb = breadcrumb
        self.values = values
        original = JSONObject()
    }

    /// Reads one element of a `metadata` list; `reason` in the error says what is wrong.
    init(json: JSONValue) throws(MetadataEntryError) {
        guard let object = json.objectValue else {
            throw MetadataEntryError(reason: "must be an object, found \(json.typeName)")
        }
        // A missing breadcrumb is how a few hand-written catalogs address the stream.
        let rawBreadcrumb = object["breadcrumb"] ?? .array([])
        guard let breadcrumb = Breadcrumb(json: rawBreadcrumb) else {
            throw MetadataEntryError(reason: "\"breadcrumb\" must be an array of strings, found \(rawBreadcrumb)")
        }
        let rawValues = object["metadata"] ?? .object(JSONObject())
        guard let values = rawValues.objectValue else {
            throw MetadataEntryError(reason: "\"metadata\" must be an object, found \(rawValues.typeName)")
        }
        self.breadcrumb = breadcrumb
        self.values = values
        original = object
    }

    /// The list element as catalog JSON, keys in their original order.
    public var json: JSONValue {
        var object = original
        object["breadcrumb"] = breadcrumb.json
        object["metadata"] = .object(values)
        return .object(object)
    }

    /// Any metadata value by key, documented or not.
    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// A documented metadata value.
    public subscript(key: MetadataKey) -> JSONValue? {
        get { values[key.rawValue] }
        set { values[key.rawValue] = newValue }
    }
}

/// Why one metadata element could not be read; `CatalogError` adds the stream and index.
struct MetadataEntryError: Error {
    var reason: String
}

extension MetadataEntry: Hashable {
    // Entries are equal when they would write the same JSON, whatever the key order.
    public static func == (lhs: MetadataEntry, rhs: MetadataEntry) -> Bool { lhs.json == rhs.json }
    public func hash(into hasher: inout Hasher) { hasher.combine(json) }
}

extension MetadataEntry {
    /// `selected`: the user's choice, when it is a boolean.
    public var selected: Bool? {
        get { self[.selected]?.boolValue }
        set { self[.selected] = newValue.map(JSONValue.bool) }
    }

    /// `inclusion`: `nil` when absent or not one of the three documented values.
    public var inclusion: Inclusion? {
        get { self[.inclusion]?.stringValue.flatMap(Inclusion.init(rawValue:)) }
        set { self[.inclusion] = newValue.map { .string($0.rawValue) } }
    }

    /// `selected-by-default`: the tap's choice when the user made none.
    public var selectedByDefault: Bool? {
        get { self[.selectedByDefault]?.boolValue }
        set { self[.selectedByDefault] = newValue.map(JSONValue.bool) }
    }

    /// `replication-method` as written (parse it with `ReplicationMethod(catalogValue:)`).
    public var replicationMethod: String? {
        get { self[.replicationMethod]?.stringValue }
        set { self[.replicationMethod] = newValue.map(JSONValue.string) }
    }

    /// `forced-replication-method` as written.
    public var forcedReplicationMethod: String? {
        get { self[.forcedReplicationMethod]?.stringValue }
        set { self[.forcedReplicationMethod] = newValue.map(JSONValue.string) }
    }

    /// `replication-key`; an empty string reads as no key.
    public var replicationKey: String? {
        get { self[.replicationKey]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        set { self[.replicationKey] = newValue.map(JSONValue.string) }
    }

    /// `valid-replication-keys`; a bare string (tap-marketo writes one) reads as a one-element list.
    public var validReplicationKeys: [String]? {
        get { Self.stringList(self[.validReplicationKeys]) }
        set { self[.validReplicationKeys] = newValue.map(Self.json(strings:)) }
    }

    /// `table-key-properties`; a bare string reads as a one-element list.
    public var tableKeyProperties: [String]? {
        get { Self.stringList(self[.tableKeyProperties]) }
        set { self[.tableKeyProperties] = newValue.map(Self.json(strings:)) }
    }

    /// `view-key-properties`; a bare string reads as a one-element list.
    public var viewKeyProperties: [String]? {
        get { Self.stringList(self[.viewKeyProperties]) }
        set { self[.viewKeyProperties] = newValue.map(Self.json(strings:)) }
    }

    /// `schema-name` (database taps).
    public var schemaName: String? {
        get { self[.schemaName]?.stringValue }
        set { self[.schemaName] = newValue.map(JSONValue.string) }
    }

    /// `is-view` (database taps).
    public var isView: Bool? {
        get { self[.isView]?.boolValue }
        set { self[.isView] = newValue.map(JSONValue.bool) }
    }

    /// `row-count` (database taps).
    public var rowCount: Int? {
        get { self[.rowCount]?.intValue }
        set { self[.rowCount] = newValue.map { .number(JSONNumber($0)) } }
    }

    /// `database-name` (database taps).
    public var databaseName: String? {
        get { self[.databaseName]?.stringValue }
        set { self[.databaseName] = newValue.map(JSONValue.string) }
    }

    /// `sql-datatype` of a field (database taps).
    public var sqlDatatype: String? {
        get { self[.sqlDatatype]?.stringValue }
        set { self[.sqlDatatype] = newValue.map(JSONValue.string) }
    }

    /// A list of strings from an array of strings or a bare string; `nil` for anything else.
    static func stringList(_ value: JSONValue?) -> [String]? {
        switch value {
        case .string(let single): return [single]
        case .array(let elements):
            let strings = elements.compactMap(\.stringValue)
            return strings.count == elements.count ? strings : nil
        default: return nil
        }
    }

    static func json(strings: [String]) -> JSONValue { .array(strings.map(JSONValue.string)) }
}
