extension Metadata {
    /// The metadata a tap writes for a stream at discovery, like singer-python's
    /// `metadata.get_standard_metadata` and the SDK's `MetadataMapping.get_standard_metadata`.
    ///
    /// The root entry comes first, with `inclusion: available`, `table-key-properties`,
    /// `forced-replication-method` and `valid-replication-keys` (each only when given) and the
    /// optional `selected`, `selected-by-default`, `replication-key` and `schema-name`. Each
    /// property follows in schema order: key properties and valid replication keys are
    /// `automatic` (as in the SDK), names in `unsupportedFields` `unsupported`, the rest
    /// `available`; nested object properties get `available` entries too.
    ///
    /// ```swift
    /// let metadata = Metadata.standard(
    ///     schema: schema, keyProperties: ["Id"], validReplicationKeys: ["SystemModstamp"])
    /// metadata.root.tableKeyProperties             // ["Id"]
    /// metadata[.property("Id")]?.inclusion         // .automatic
    /// ```
    public static func standard(
        schema: JSONValue,
        keyProperties: [String]? = nil,
        validReplicationKeys: [String]? = nil,
        forcedReplicationMethod: ReplicationMethod? = nil,
        replicationKey: String? = nil,
        selected: Bool? = nil,
        selectedByDefault: Bool? = nil,
        unsupportedFields: Set<String> = [],
        fieldsSelectedByDefault: Bool? = nil,
        schemaName: String? = nil
    ) -> Metadata {
        var root = MetadataEntry(breadcrumb: .stream)
        root.inclusion = .available
        root.selected = selected
        root.selectedByDefault = selectedByDefault
        root.tableKeyProperties = keyProperties
        root.forcedReplicationMethod = forcedReplicationMethod?.rawValue
        root.validReplicationKeys = validReplicationKeys
        root.replicationKey = replicationKey
        root.schemaName = schemaName
        var metadata = Metadata([root])

        let automatic = Set((keyProperties ?? []) + (validReplicationKeys ?? []) + [replicationKey].compactMap { $0 })
        for member in schema["properties"]?.objectValue ?? JSONObject() {
            let breadcrumb = Breadcrumb.property(member.key)
            var field = MetadataEntry(breadcrumb: breadcrumb)
            if unsupportedFields.contains(member.key) {
                field.inclusion = .unsupported
            } else {
                field.inclusion = automatic.contains(member.key) ? .automatic : .available
                // tap-salesforce's select_fields_by_default marks every supported field.
                field.selectedByDefault = fieldsSelectedByDefault
            }
            metadata.append(field)
            metadata.appendNestedEntries(of: member.value, under: breadcrumb)
        }
        return metadata
    }

    private mutating func appendNestedEntries(of propertySchema: JSONValue, under parent: Breadcrumb) {
        for member in propertySchema["properties"]?.objectValue ?? JSONObject() {
            let breadcrumb = parent.appending(property: member.key)
            var field = MetadataEntry(breadcrumb: breadcrumb)
            field.inclusion = .available
            append(field)
            appendNestedEntries(of: member.value, under: breadcrumb)
        }
    }
}

extension CatalogEntry {
    /// A discovered stream as SDK taps write it: standard metadata plus the top-level
    /// `key_properties`, `replication_key` and `replication_method` that both libraries read.
    ///
    /// ```swift
    /// let entry = CatalogEntry.discovered(
    ///     stream: "Account", schema: schema, keyProperties: ["Id"], replicationKey: "SystemModstamp")
    /// entry.topLevelReplicationMethod   // "INCREMENTAL"
    /// ```
    public static func discovered(
        tapStreamID: String? = nil,
        stream: String,
        schema: JSONValue,
        keyProperties: [String],
        replicationKey: String? = nil,
        forcedReplicationMethod: ReplicationMethod? = nil,
        selectedByDefault: Bool? = nil,
        unsupportedFields: Set<String> = [],
        fieldsSelectedByDefault: Bool? = nil
    ) -> CatalogEntry {
        let metadata = Metadata.standard(
            schema: schema, keyProperties: keyProperties,
            validReplicationKeys: replicationKey.map { [$0] },
            forcedReplicationMethod: forcedReplicationMethod,
            selectedByDefault: selectedByDefault, unsupportedFields: unsupportedFields,
            fieldsSelectedByDefault: fieldsSelectedByDefault)
        let method = forcedReplicationMethod ?? (replicationKey == nil ? .fullTable : .incremental)
        return CatalogEntry(
            tapStreamID: tapStreamID, stream: stream, schema: schema, metadata: metadata,
            keyProperties: keyProperties, replicationKey: replicationKey, replicationMethod: method)
    }
}
