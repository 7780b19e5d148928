import Singer

/// Works out a stream's table from its SCHEMA: names by `NamePolicy` (reusing the columns an
/// earlier run created, found through their comments), types by `ColumnType.forSchema`, the
/// key from `key_properties`, and the `_sdc_*` columns the settings call for.
struct TablePlanner {
    let configuration: TargetPostgresConfiguration

    /// - Parameter usesVersions: the stream's records carry table versions (or an
    ///   ACTIVATE_VERSION arrived), so `_sdc_table_version` and `_sdc_deleted_at` are needed.
    func plan(for declaration: SchemaRegistry.Stream, table: String, existing: TableSynchronizer.ExistingTable?, usesVersions: Bool) throws -> TablePlan {
        let properties: [(name: String, schema: JSONSchema)] = configuration.flatteningMaxDepth.map { depth in
            Flattening(maxDepth: depth).columns(of: declaration.schema).map { ($0.name, $0.schema) }
        } ?? declaration.schema.properties.map { ($0.name, $0.schema) }
        let recorded = (existing?.columns ?? []).map { ExistingName(identifier: $0.name, comment: $0.comment) }
        // A key property the schema does not describe still needs a column to hold it.
        let undescribedKeys = (declaration.message.keyProperties ?? []).filter { key in !properties.contains { $0.name == key } }
        guard !properties.isEmpty || !undescribedKeys.isEmpty else {
            throw TargetError.schema(stream: declaration.message.stream, reason: "it declares no properties, so there is nothing to make columns of")
        }
        if let repeated = Dictionary(grouping: properties, by: \.name).first(where: { $0.value.count > 1 })?.key {
            throw TargetError.schema(stream: declaration.message.stream, reason: "flattening gives two properties the name \(repeated)")
        }
        let names = NamePolicy.assign(properties.map(\.name) + undescribedKeys, existing: recorded)
        var columns = properties.map { property in
            TablePlan.Column(name: names[property.name] ?? property.name, type: ColumnType.forSchema(property.schema), source: .property(property.name))
        }
        columns += undescribedKeys.map { TablePlan.Column(name: names[$0] ?? $0, type: .text, source: .property($0)) }
        let metadata: [MetadataColumn] = configuration.addRecordMetadata
            ? MetadataColumn.allCases
            : (configuration.activateVersion && usesVersions ? [.deletedAt, .tableVersion] : [])
        columns += metadata.map { TablePlan.Column(name: $0.rawValue, type: $0.type, source: .metadata($0)) }
        let keys = configuration.loadMethod == .appendOnly ? [] : (declaration.message.keyProperties ?? [])
        return TablePlan(
            schema: configuration.defaultTargetSchema,
            table: table,
            stream: declaration.message.stream,
            columns: columns,
            keyColumns: keys.compactMap { key in columns.first { $0.source == .property(key) }?.name })
    }
}

extension TablePlan {
    /// The columns filled from record properties, in COPY order (metadata columns follow them).
    var propertyColumns: [CopyColumn] {
        columns.compactMap { column in
            guard case .property(let name) = column.source else { return nil }
            return CopyColumn(propertyName: name, type: column.type)
        }
    }
}
