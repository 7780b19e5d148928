import Postgres
import Singer

/// Opening, routing and merging a stream's batches (see `StreamSink` for the strategy).
extension StreamSink {
    var usesStaging: Bool { configuration.loadMethod != .appendOnly && !plan.keyColumns.isEmpty }

    var relation: String { PostgresIdentifier.qualified(schema: plan.schema, name: plan.table) }

    var stagingTable: String { PostgresIdentifier.quoted(NamePolicy.stagingTableName(for: plan.table)) }

    var columnList: String { plan.columns.map { PostgresIdentifier.quoted($0.name) }.joined(separator: ", ") }

    func beginBatch() throws {
        try connection.begin()
        batchStartedAt = RFC3339.DateTime.now()
        if configuration.loadMethod == .overwrite, !overwritten {
            _ = try connection.execute("TRUNCATE \(relation)")
            overwritten = true
        }
        batchKeys = BatchKeys(keyFields: keyFieldPositions)
        if usesStaging && !(loadsDirectly && canLoadDirectly) {
            try createStagingTable()
            destination = .staging
        } else {
            if usesStaging { _ = try connection.execute("SAVEPOINT direct_load") }
            destination = .table
        }
        copy = try connection.startCopyIn("COPY \(destination == .staging ? stagingTable : relation) (\(columnList)) FROM STDIN")
    }

    /// Ends a direct COPY. If a key was already in the table, the COPY fails on the primary key:
    /// the savepoint takes the rows back out, they are replayed into staging (whose COPY stays
    /// open for the rest of the batch), and the stream's later batches skip the direct path.
    func finishDirectCopy() throws {
        guard let writer = copy else { return }
        copy = nil
        do {
            _ = try writer.finish()
            directRows.removeAll(keepingCapacity: true)
            return
        } catch {
            guard error.sqlState == "23505" else { throw error }  // unique_violation
        }
        loadsDirectly = false
        _ = try connection.execute("ROLLBACK TO SAVEPOINT direct_load")
        logger.info("\(stream): keys already in \(plan.table); this batch and later ones go through staging")
        try createStagingTable()
        destination = .staging
        let staging = try connection.startCopyIn("COPY \(stagingTable) (\(columnList)) FROM STDIN")
        copy = staging
        try directRows.withUnsafeBytes { try staging.write(bytes: $0) }
        directRows.removeAll(keepingCapacity: true)
    }

    /// A key repeated while rows went straight into the table: what is in stays, the rest of
    /// the batch goes through staging and merges on commit.
    func moveBatchToStaging() throws {
        try finishDirectCopy()
        guard destination == .table else { return }  // the direct rows were replayed into staging already
        try createStagingTable()
        destination = .staging
        copy = try connection.startCopyIn("COPY \(stagingTable) (\(columnList)) FROM STDIN")
    }

    func createStagingTable() throws {
        // The staging table lives for one transaction; its row number orders duplicates.
        _ = try connection.execute("CREATE TEMP TABLE \(stagingTable) ON COMMIT DROP AS SELECT \(columnList) FROM \(relation) WITH NO DATA")
        _ = try connection.execute("ALTER TABLE \(stagingTable) ADD COLUMN \"_stage_row\" bigint GENERATED ALWAYS AS IDENTITY")
        stagingCreated = true
    }

    func tableIsEmpty() throws -> Bool {
        try connection.execute("SELECT NOT EXISTS (SELECT 1 FROM \(relation))")[0].bool(0) == true
    }

    /// Direct loading needs keys whose encoded text decides equality: text and bigint do;
    /// numeric (`1.0` = `1`) and timestamps (`Z` = `+00:00`) do not.
    var canLoadDirectly: Bool {
        plan.keyColumns.allSatisfy { key in plan.column(named: key).map { [.text, .bigint].contains($0.type) } ?? false }
    }

    var keyFieldPositions: [Int] {
        plan.keyColumns.compactMap { key in plan.columns.firstIndex { $0.name == key } }.sorted()
    }

    func mergeStagedRows(deduplicating: Bool) throws {
        let keys = plan.keyColumns.map(PostgresIdentifier.quoted).joined(separator: ", ")
        let updates = plan.columns.filter { !plan.keyColumns.contains($0.name) }
            .map { "\(PostgresIdentifier.quoted($0.name)) = EXCLUDED.\(PostgresIdentifier.quoted($0.name))" }
        let onConflict = updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET \(updates.joined(separator: ", "))"
        // Without repeated keys the newest-wins sort is not needed.
        let rows = deduplicating
            ? "SELECT DISTINCT ON (\(keys)) \(columnList) FROM \(stagingTable) ORDER BY \(keys), \"_stage_row\" DESC"
            : "SELECT \(columnList) FROM \(stagingTable)"
        _ = try connection.execute("INSERT INTO \(relation) (\(columnList)) \(rows) ON CONFLICT (\(keys)) \(onConflict)")
    }
}
