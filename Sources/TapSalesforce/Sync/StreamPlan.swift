import Singer

/// What to sync for one selected catalog stream: the fields to query (catalog order, `Id` and
/// the replication key always, unsupported fields never), how each converts, and the
/// replication settings.
///
/// ```swift
/// let plan = try StreamPlan(entry: catalog["Account"]!, selectFieldsByDefault: false)
/// plan.fields.map(\.name)   // ["Id", "Name", "SystemModstamp"]
/// plan.replicationKey       // "SystemModstamp" (nil: FULL_TABLE, no WHERE)
/// ```
struct StreamPlan: Sendable {
    /// `tap_stream_id`: the key of the stream's bookmark and the `current_stream` value.
    let tapStreamID: String
    /// The catalog's `stream`: the object queried (`FROM …`), as the Python tap does.
    let object: String
    /// The stream name in SCHEMA/RECORD/ACTIVATE_VERSION (`stream_alias` when set).
    let messageStream: String
    /// The fields to query, in catalog order.
    let fields: [SyncField]
    /// The catalog schema restricted to `fields`.
    let schema: JSONValue
    let keyProperties: [String]
    /// The bookmark field; `nil` syncs FULL_TABLE.
    let replicationKey: String?

    /// The stream name as logs and errors show it.
    var stream: String { tapStreamID }

    /// Compound address/location fields, which Bulk queries cannot select.
    var compoundFields: [String] { fields.filter { $0.kind == .compound }.map(\.name) }

    init(entry: CatalogEntry, selectFieldsByDefault: Bool) throws {
        tapStreamID = entry.tapStreamID
        object = entry.stream
        messageStream = entry.streamAlias ?? entry.stream
        let replication: ResolvedReplication
        do {
            replication = try entry.resolvedReplication()
        } catch {
            throw SyncError.invalidCatalog(stream: entry.tapStreamID, reason: "\(error)")
        }
        replicationKey = replication.method == .incremental ? replication.key : nil
        let properties = entry.schema["properties"]?.objectValue ?? JSONObject()
        if let replicationKey, properties[replicationKey] == nil {
            throw SyncError.invalidCatalog(
                stream: entry.tapStreamID, reason: "replication key '\(replicationKey)' is not a property of the schema")
        }

        let keep = { (breadcrumb: Breadcrumb) -> Bool in
            Self.isQueried(breadcrumb, entry: entry, replicationKey: replication.key, selectFieldsByDefault: selectFieldsByDefault)
        }
        schema = entry.schema.keepingProperties(where: keep)
        fields = (schema["properties"]?.objectValue ?? JSONObject()).map { member in
            let sfType = entry.metadata[.property(member.key)]?["sf-type"]?.stringValue
            return SyncField(name: member.key, kind: FieldKind(sfType: sfType, schema: member.value))
        }
        guard !fields.isEmpty else {
            throw SyncError.invalidCatalog(stream: entry.tapStreamID, reason: "no field is selected")
        }
        let keys = entry.keyProperties
        keyProperties = keys.isEmpty && properties["Id"] != nil ? ["Id"] : keys
    }

    /// The SCHEMA message: selected fields only, `Id` as key, the replication key as bookmark property.
    var schemaMessage: SchemaMessage {
        SchemaMessage(
            stream: messageStream, schema: schema, keyProperties: keyProperties,
            bookmarkProperties: replicationKey.map { [$0] })
    }

    /// Whether a field is queried: never when unsupported; always `Id` and the replication key;
    /// otherwise the singer-io rule (`automatic`, `selected`, `selected-by-default`), with
    /// `select_fields_by_default` deciding `available` fields that have no `selected`.
    /// Members of a compound field follow it: Salesforce returns the whole object.
    private static func isQueried(
        _ breadcrumb: Breadcrumb, entry: CatalogEntry, replicationKey: String?, selectFieldsByDefault: Bool
    ) -> Bool {
        let metadata = entry.metadata[breadcrumb]
        let legacy = entry.schema.propertySchema(at: breadcrumb)
        let inclusion = metadata?.inclusion ?? legacy?["inclusion"]?.stringValue.flatMap(Inclusion.init(rawValue:))
        if inclusion == .unsupported { return false }
        guard breadcrumb.components.count == 2, let name = breadcrumb.topLevelProperty else {
            return metadata?.selected != false
        }
        if name == "Id" || name == replicationKey { return true }
        if entry.isFieldSelected(breadcrumb, rule: .singerIO) { return true }
        let selected = metadata?.selected ?? legacy?["selected"]?.boolValue
        return selectFieldsByDefault && selected == nil
    }
}
