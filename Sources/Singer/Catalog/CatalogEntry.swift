/// One stream of a catalog: its names, JSON Schema, metadata and the legacy top-level keys.
///
/// Every key of the entry is kept as written, in order, including ones this library does not
/// model, so `CatalogEntry(json:index:).json` gives back what it read. The schema stays a
/// `JSONValue`; typed schema handling lives elsewhere.
///
/// ```swift
/// var entry = CatalogEntry(stream: "Account", schema: ["type": "object", "properties": ["Id": ["type": "string"]]])
/// entry.metadata.root.selected = true
/// entry.isSelected(rule: .singerIO)   // true
/// entry.json["tap_stream_id"]         // "Account"
/// ```
public struct CatalogEntry: Sendable {
    /// The JSON Schema of the stream's records, exactly as in the catalog.
    public var schema: JSONValue
    /// The stream's `metadata` list.
    public var metadata: Metadata
    /// Every top-level key as read (or set), in order; `schema` and `metadata` are written
    /// from the properties above, in the position they were read from.
    private var members: JSONObject

    /// A new entry, with top-level keys written in the order SDK taps use.
    public init(
        tapStreamID: String? = nil, stream: String, schema: JSONValue, metadata: Metadata = Metadata(),
        keyProperties: [String]? = nil, replicationKey: String? = nil,
        replicationMethod: ReplicationMethod? = nil
    ) {
        members = ["tap_stream_id": .string(tapStreamID ?? stream), "stream": .string(stream)]
        // Placeholders fix where the schema and metadata are written.
        members["schema"] = .null
        members["metadata"] = .null
        self.schema = schema
        self.metadata = metadata
        topLevelKeyProperties = keyProperties
        topLevelReplicationKey = replicationKey
        topLevelReplicationMethod = replicationMethod?.rawValue
    }

    /// Reads one element of `streams`; `index` (from 0) is named in errors.
    ///
    /// Tolerant where the reference libraries are: a missing `tap_stream_id` defaults to
    /// `stream`, a missing `schema` to `{}`, a missing or null `metadata` to an empty list.
    public init(json: JSONValue, index: Int = 0) throws(CatalogError) {
        guard let object = json.objectValue else {
            throw .invalidEntry(index: index, reason: "must be an object, found \(json.typeName)")
        }
        guard let streamValue = object["stream"] else {
            throw .invalidEntry(
                index: index,
                reason: "missing \"stream\" (the stream name used in messages)"
                    + (object["tap_stream_id"]?.stringValue.map { " for tap_stream_id '\($0)'" } ?? ""))
        }
        guard let stream = streamValue.stringValue, !stream.isEmpty else {
            throw .invalidEntry(index: index, reason: "\"stream\" must be a non-empty string, found \(streamValue)")
        }
        if let id = object["tap_stream_id"], !id.isNull, id.stringValue == nil {
            throw .invalidEntry(index: index, reason: "\"tap_stream_id\" must be a string, found \(id.typeName)")
        }
        let rawSchema = object["schema"] ?? .object(JSONObject())
        guard rawSchema.objectValue != nil else {
            throw .invalidEntry(
                index: index, reason: "stream '\(stream)': \"schema\" must be an object, found \(rawSchema.typeName)")
        }
        var metadata = Metadata()
        switch object["metadata"] {
        case nil, .null?: break
        case .array(let elements)?:
            for (position, element) in elements.enumerated() {
                do {
                    metadata.append(try MetadataEntry(json: element))
                } catch {
                    throw .invalidMetadata(stream: stream, index: position, reason: error.reason)
                }
            }
        case let other?:
            throw .invalidEntry(
                index: index, reason: "stream '\(stream)': \"metadata\" must be an array, found \(other.typeName)")
        }
        members = object
        schema = rawSchema
        self.metadata = metadata
    }

    /// The entry as catalog JSON. A missing `tap_stream_id` is written (first), since the
    /// spec requires it even though readers tolerate its absence.
    public var json: JSONValue {
        var object = members
        object["schema"] = schema
        if object["metadata"] != nil || !metadata.isEmpty { object["metadata"] = metadata.json }
        if object["tap_stream_id"]?.stringValue == nil {
            object["tap_stream_id"] = nil
            object = JSONObject([.init(key: "tap_stream_id", value: .string(tapStreamID))] + object.members)
        }
        return .object(object)
    }

    /// Any top-level key, including ones not modelled here (`schema` and `metadata` are the
    /// properties of the same names).
    public subscript(key: String) -> JSONValue? {
        get { members[key] }
        set { members[key] = newValue }
    }

    /// `tap_stream_id`, or `stream` when the catalog left it out.
    public var tapStreamID: String {
        get { members["tap_stream_id"]?.stringValue ?? stream }
        set { members["tap_stream_id"] = .string(newValue) }
    }

    /// `stream`: the name used in SCHEMA, RECORD and STATE messages.
    public var stream: String {
        get { members["stream"]?.stringValue ?? "" }
        set { members["stream"] = .string(newValue) }
    }

    /// `table_name` (database sources).
    public var tableName: String? {
        get { members["table_name"]?.stringValue }
        set { members["table_name"] = newValue.map(JSONValue.string) }
    }

    /// `stream_alias` (legacy).
    public var streamAlias: String? {
        get { members["stream_alias"]?.stringValue }
        set { members["stream_alias"] = newValue.map(JSONValue.string) }
    }

    /// `database_name` (legacy, database sources).
    public var databaseName: String? {
        get { members["database_name"]?.stringValue }
        set { members["database_name"] = newValue.map(JSONValue.string) }
    }

    /// `is_view` (legacy, database sources).
    public var isView: Bool? {
        get { members["is_view"]?.boolValue }
        set { members["is_view"] = newValue.map(JSONValue.bool) }
    }

    /// `row_count` (legacy, database sources).
    public var rowCount: Int? {
        get { members["row_count"]?.intValue }
        set { members["row_count"] = newValue.map { .number(JSONNumber($0)) } }
    }

    /// The top-level `key_properties` as written (see `keyProperties` for the resolved list);
    /// a bare string reads as a one-element list, as singer-python accepts.
    public var topLevelKeyProperties: [String]? {
        get { MetadataEntry.stringList(members["key_properties"]) }
        set { members["key_properties"] = newValue.map(MetadataEntry.json(strings:)) }
    }

    /// The top-level `replication_key` as written (see `replicationKey` for the resolved one).
    public var topLevelReplicationKey: String? {
        get { members["replication_key"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
        set { members["replication_key"] = newValue.map(JSONValue.string) }
    }

    /// The top-level `replication_method` as written (see `replicationMethod`).
    public var topLevelReplicationMethod: String? {
        get { members["replication_method"]?.stringValue }
        set { members["replication_method"] = newValue.map(JSONValue.string) }
    }

    /// The top-level property names of the schema, in schema order.
    public var propertyNames: [String] { schema["properties"]?.objectValue?.keys ?? [] }
}

extension CatalogEntry: Hashable {
    // Entries are equal when they would write the same JSON, whatever the key order.
    public static func == (lhs: CatalogEntry, rhs: CatalogEntry) -> Bool { lhs.json == rhs.json }
    public func hash(into hasher: inout Hasher) { hasher.combine(json) }
}
