import Singer

/// Builds one catalog entry in the singer-io tap-marketo shape: schema, `table-key-properties`,
/// replication metadata, and per-field `inclusion`.
struct StreamCatalogBuilder {
    var stream: String
    var keyProperty: String
    var replicationKey: String?
    var properties = JSONObject()
    var fieldEntries: [MetadataEntry] = []
    var rootExtras = JSONObject()

    init(stream: String, keyProperty: String, replicationKey: String?) {
        self.stream = stream
        self.keyProperty = keyProperty
        self.replicationKey = replicationKey
    }

    mutating func add(_ name: String, _ schema: JSONValue, inclusion: Inclusion) {
        guard properties[name] == nil else { return }
        properties.append(key: name, value: schema)
        var entry = MetadataEntry(breadcrumb: .property(name))
        entry.inclusion = inclusion
        fieldEntries.append(entry)
    }

    func entry() -> CatalogEntry {
        var root = MetadataEntry(breadcrumb: .stream)
        root[.tableKeyProperties] = [.string(keyProperty)]
        if let replicationKey {
            // The Python tap writes `forced-replication-method` INCREMENTAL and a key; unlike it we
            // also write `replication-key`/`replication-method`, so catalogs work without editing.
            root[.forcedReplicationMethod] = .string(ReplicationMethod.incremental.rawValue)
            root[.validReplicationKeys] = [.string(replicationKey)]
            root[.replicationKey] = .string(replicationKey)
            root[.replicationMethod] = .string(ReplicationMethod.incremental.rawValue)
        } else {
            root[.forcedReplicationMethod] = .string(ReplicationMethod.fullTable.rawValue)
            root[.replicationMethod] = .string(ReplicationMethod.fullTable.rawValue)
        }
        for member in rootExtras { root[member.key] = member.value }
        let schema: JSONValue = ["type": "object", "additionalProperties": false, "properties": .object(properties)]
        return CatalogEntry(
            tapStreamID: stream, stream: stream, schema: schema, metadata: Metadata([root] + fieldEntries),
            keyProperties: [keyProperty], replicationKey: replicationKey,
            replicationMethod: replicationKey == nil ? .fullTable : .incremental)
    }
}
