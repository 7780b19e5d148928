import Singer

/// Turns describe results into catalog entries in the singer-io tap-salesforce shape, plus the
/// replication key and method the Python tap leaves for the user to write.
///
/// ```swift
/// let entry = CatalogBuilder(apiType: .rest, selectFieldsByDefault: true).entry(for: describe)
/// entry?.metadata.root.replicationKey   // "SystemModstamp"
/// ```
public struct CatalogBuilder: Sendable {
    public var apiType: SalesforceConfiguration.APIType
    public var selectFieldsByDefault: Bool

    /// The replication key candidates, in order of preference.
    public static let replicationKeyCandidates = ["SystemModstamp", "LastModifiedDate", "CreatedDate"]

    public init(apiType: SalesforceConfiguration.APIType, selectFieldsByDefault: Bool) {
        self.apiType = apiType
        self.selectFieldsByDefault = selectFieldsByDefault
    }

    /// The replication key of an object: the first of SystemModstamp, LastModifiedDate,
    /// CreatedDate (LoginTime for LoginHistory) that exists, is a datetime and is filterable;
    /// `nil` for FULL_TABLE objects.
    public static func replicationKey(for object: SObjectDescription) -> String? {
        if ExcludedObjects.isForcedFullTable(object.name) { return nil }
        let candidates = object.name == "LoginHistory" ? ["LoginTime"] + replicationKeyCandidates : replicationKeyCandidates
        return candidates.first { name in
            // A key that cannot be filtered on fails every incremental query (INVALID_FIELD).
            guard let field = object.field(name) else { return false }
            return field.filterable && field.type == "datetime"
        }
    }

    /// The object's key property: `Id`, or `EventIdentifier` for LightningUriEvent; `nil` when it has none.
    public static func keyProperty(for object: SObjectDescription) -> String? {
        if object.name == "LightningUriEvent", object.field("EventIdentifier") != nil { return "EventIdentifier" }
        return object.field("Id") != nil ? "Id" : nil
    }

    /// The catalog entry for `object`, or `nil` when it has no key property.
    public func entry(for object: SObjectDescription) -> CatalogEntry? {
        guard let key = Self.keyProperty(for: object) else { return nil }
        let replicationKey = Self.replicationKey(for: object)
        // Objects the Bulk API rejects sync through REST, where compound fields work.
        let bulk = apiType == .bulk && !ExcludedObjects.bulkUnsupported.contains(object.name)

        var properties = JSONObject()
        properties.reserveCapacity(object.fields.count)
        var root = MetadataEntry(breadcrumb: .stream)
        root[.tableKeyProperties] = [.string(key)]
        if let replicationKey {
            root[.validReplicationKeys] = [.string(replicationKey)]
            root[.replicationKey] = .string(replicationKey)
            root[.replicationMethod] = .string(ReplicationMethod.incremental.rawValue)
        } else {
            root[.forcedReplicationMethod] = .string(ReplicationMethod.fullTable.rawValue)
            root[.replicationMethod] = .string(ReplicationMethod.fullTable.rawValue)
        }
        var metadata = Metadata([root])

        for field in object.fields {
            let fieldSchema = FieldSchema(type: field.type, name: field.name, bulk: bulk)
            var unsupportedReason = fieldSchema.unsupportedReason
            if bulk, object.name == "EntityDefinition", field.name == "RecordTypesSupported" {
                unsupportedReason = "this field is not supported by the Bulk API"
            }
            properties.append(key: field.name, value: fieldSchema.schema)
            var entry = MetadataEntry(breadcrumb: .property(field.name))
            if let unsupportedReason {
                entry.inclusion = .unsupported
                entry["unsupported-description"] = .string(unsupportedReason)
            } else {
                entry.inclusion = field.name == key || field.name == replicationKey ? .automatic : .available
                if selectFieldsByDefault { entry.selectedByDefault = true }
            }
            entry["sf-type"] = .string(field.type)
            metadata.append(entry)
        }

        let schema: JSONValue = ["type": "object", "additionalProperties": false, "properties": .object(properties)]
        return CatalogEntry(
            tapStreamID: object.name, stream: object.name, schema: schema, metadata: metadata,
            keyProperties: [key], replicationKey: replicationKey,
            replicationMethod: replicationKey == nil ? .fullTable : .incremental)
    }
}
