import Singer

/// Turns a described object into a catalog entry shaped like singer-io tap-zuora's:
/// `key_properties ["Id"]`, types mapped as the Python tap maps them, related objects as
/// `<Name>Id` strings (metadata `tap-zuora.joined_object`), `Deleted` for AQuA objects that
/// support deleted records, and the replication key and method written into the stream
/// metadata as well (the Python tap leaves them for the user to add).
///
/// ```swift
/// let entry = ZuoraCatalogBuilder(apiType: .aqua).entry(for: account, deletedSupported: true)
/// entry?.topLevelReplicationKey   // "UpdatedDate"
/// ```
public struct ZuoraCatalogBuilder: Sendable {
    /// Replication keys in order of preference, as in the Python tap.
    public static let replicationKeyCandidates = ["UpdatedDate", "TransactionDate", "UpdatedOn"]
    /// Metadata key naming the object a `<Name>Id` property joins.
    public static let joinedObjectKey = "tap-zuora.joined_object"
    /// Related objects the Python tap never joins.
    static let skippedRelatedObjects: Set<String> = ["SubscriptionStatusHistory"]
    /// Fields `/v1/object/export` rejects although describe lists them as exportable (the
    /// known part of the Python tap's `UNSUPPORTED_FIELDS_FOR_REST`).
    static let unsupportedForREST: [String: Set<String>] = [
        "Account": ["SequenceSetId", "LastMetricsUpdate"],
        "Invoice": ["PaymentTerm", "Currency"],
    ]

    public var apiType: ZuoraConfiguration.APIType

    public init(apiType: ZuoraConfiguration.APIType) { self.apiType = apiType }

    /// The catalog entry, or `nil` when the object cannot be exported (no exportable `Id`).
    public func entry(for object: ObjectDescription, deletedSupported: Bool) -> CatalogEntry? {
        let exportable = object.fields.filter(\.isExportable)
        guard exportable.contains(where: { $0.name == "Id" }) else { return nil }
        var properties = JSONObject()
        var unsupported = Set<String>()
        for field in exportable {
            if let schema = Self.schema(forZuoraType: field.type) {
                properties[field.name] = schema
            } else {
                properties[field.name] = .object([:])
                unsupported.insert(field.name)
            }
        }
        if apiType == .rest { unsupported.formUnion(Self.unsupportedForREST[object.name] ?? []) }
        var joined: [String: String] = [:]
        for related in object.relatedObjects where !Self.skippedRelatedObjects.contains(related) {
            let property = related + "Id"
            guard properties[property] == nil else { continue }
            properties[property] = ["type": ["string", "null"]]
            joined[property] = related
        }
        if apiType == .aqua && deletedSupported {
            properties["Deleted"] = ["type": ["boolean", "null"]]
        }
        let names = Set(exportable.map(\.name))
        let replicationKey = Self.replicationKeyCandidates.first { names.contains($0) && !unsupported.contains($0) }
        let schema: JSONValue = ["type": "object", "additionalProperties": false, "properties": .object(properties)]
        var entry = CatalogEntry.discovered(
            stream: object.name, schema: schema, keyProperties: ["Id"], replicationKey: replicationKey,
            forcedReplicationMethod: replicationKey == nil ? .fullTable : .incremental, unsupportedFields: unsupported)
        entry.metadata.set("replication-method", .string(replicationKey == nil ? "FULL_TABLE" : "INCREMENTAL"), at: .stream)
        if let replicationKey { entry.metadata.set("replication-key", .string(replicationKey), at: .stream) }
        for (property, object) in joined {
            entry.metadata.set(Self.joinedObjectKey, .string(object), at: .property(property))
        }
        return entry
    }

    /// The JSON Schema of a Zuora type; `nil` for types the Python tap does not support
    /// (timestamp, ZOQL and anything unknown), which are then `unsupported`.
    public static func schema(forZuoraType type: String) -> JSONValue? {
        switch type.lowercased() {
        case "text", "picklist": ["type": ["string", "null"]]
        case "boolean": ["type": ["boolean", "null"]]
        case "integer": ["type": ["integer", "null"]]
        case "decimal": ["type": ["number", "null"]]
        case "date", "datetime": ["type": ["string", "null"], "format": "date-time"]
        default: nil
        }
    }
}
