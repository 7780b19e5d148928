import Logging
import Postgres
import Singer

/// One stream's table and its open batch: records stream into a COPY inside a transaction and
/// land on `commit()`, deduplicated by key, newest record winning.
///
/// Append-only loads COPY straight into the table. Upserts go through a temporary staging
/// table and `INSERT … ON CONFLICT`, which writes every row twice; so when a stream's table was
/// empty at the start of the run (a first load), its batches first COPY straight into the table
/// behind a savepoint, keeping a copy of the rows sent. A key repeated within the batch, or one
/// the table already holds (the COPY fails on the primary key), sends the batch — replayed from
/// that copy — and the stream's later batches through staging instead.
final class StreamSink {
    /// Where the open batch's COPY goes.
    enum BatchDestination { case table, staging }

    let stream: String
    /// The stream's table name, settled once per run (see `PostgresTarget.tableName(for:)`).
    let table: String
    private(set) var plan: TablePlan
    let configuration: TargetPostgresConfiguration
    let connection: PostgresConnection
    let logger: Logger
    private var declaration: SchemaRegistry.Stream {
        didSet { flattenedColumns = Self.flattenedColumns(of: declaration, configuration: configuration) }
    }
    /// With flattening on: the columns records are flattened into.
    private var flattenedColumns: [Flattening.Column]
    private var encoder: CopyRowEncoder
    var copy: CopyInWriter?
    var destination: BatchDestination?
    /// The rows sent straight into the table in this batch, to replay through staging.
    var directRows: [UInt8] = []
    /// Whether batches may try the direct path: the table was empty when the run began and no
    /// direct attempt has met an existing key yet.
    var loadsDirectly = false
    var stagingCreated = false
    var batchKeys = BatchKeys(keyFields: [])
    private var row: [UInt8] = []
    var batchStartedAt = RFC3339.DateTime.now()
    var overwritten = false
    /// `_sdc_sequence` values: epoch microseconds at the start, then one up per row.
    private var sequence = RFC3339.DateTime.now().secondsSince1970 * 1_000_000
    private var usesVersions = false
    /// Rows sent in the open batch, not yet committed.
    private(set) var pendingRows = 0
    private var committedRows = 0

    init(
        declaration: SchemaRegistry.Stream, table: String, configuration: TargetPostgresConfiguration, connection: PostgresConnection,
        logger: Logger
    ) throws {
        stream = declaration.message.stream
        self.table = table
        self.declaration = declaration
        self.configuration = configuration
        flattenedColumns = Self.flattenedColumns(of: declaration, configuration: configuration)
        self.connection = connection
        self.logger = logger
        (plan, encoder) = try Self.prepareTable(for: declaration, table: table, usesVersions: false, configuration: configuration, connection: connection)
        usesVersions = plan.column(named: MetadataColumn.tableVersion.rawValue) != nil
        loadsDirectly = try tableIsEmpty()
    }

    /// A new SCHEMA for the stream: commit what is open under the old one, then evolve the table.
    /// Some taps repeat an unchanged SCHEMA before every page; that changes nothing.
    func redeclare(_ declaration: SchemaRegistry.Stream) throws {
        guard declaration.message != self.declaration.message else { return }
        try commit()
        self.declaration = declaration
        (plan, encoder) = try Self.prepareTable(for: declaration, table: table, usesVersions: usesVersions, configuration: configuration, connection: connection)
    }

    private static func flattenedColumns(of declaration: SchemaRegistry.Stream, configuration: TargetPostgresConfiguration) -> [Flattening.Column] {
        configuration.flatteningMaxDepth.map { Flattening(maxDepth: $0).columns(of: declaration.schema) } ?? []
    }

    /// From here on the stream carries table versions: the table gets its version columns.
    private func startUsingVersions() throws {
        guard !usesVersions else { return }
        try commit()
        usesVersions = true
        (plan, encoder) = try Self.prepareTable(for: declaration, table: table, usesVersions: true, configuration: configuration, connection: connection)
    }

    /// Plans the table, brings the database in line and builds the row encoder for it.
    private static func prepareTable(
        for declaration: SchemaRegistry.Stream, table: String, usesVersions: Bool, configuration: TargetPostgresConfiguration,
        connection: PostgresConnection
    ) throws -> (TablePlan, CopyRowEncoder) {
        let synchronizer = TableSynchronizer(connection: connection)
        let existing = try synchronizer.existingTable(schema: configuration.defaultTargetSchema, table: table)
        let planned = try TablePlanner(configuration: configuration).plan(for: declaration, table: table, existing: existing, usesVersions: usesVersions)
        let plan = try synchronizer.synchronize(planned)
        return (plan, CopyRowEncoder(columns: plan.propertyColumns, nulPolicy: configuration.nulCharacters))
    }

    func append(_ record: RecordMessage, line: Int) throws {
        // `time_extracted` goes into a COPY field as written: only a real date-time may.
        // (Only `add_record_metadata` plans the `_sdc_extracted_at` column.)
        if configuration.addRecordMetadata, let extracted = record.timeExtracted, RFC3339.parseDateTime(extracted) == nil {
            throw TargetError.record(line: line, stream: stream, reason: "time_extracted: \"\(extracted.prefix(40))\" is not an RFC 3339 date-time")
        }
        if record.version != nil, configuration.activateVersion, !usesVersions { try startUsingVersions() }
        if copy == nil { try beginBatch() }
        row.removeAll(keepingCapacity: true)
        while true {
            do {
                if let depth = configuration.flatteningMaxDepth {
                    try encoder.encodeFields(Flattening(maxDepth: depth).flatten(record.record, columns: flattenedColumns), into: &row)
                } else if let raw = record.rawRecord {
                    try raw.withElement { try encoder.encodeFields($0, into: &row) }
                } else {
                    try encoder.encodeFields(record.record, into: &row)
                }
                break
            } catch let error as CopyEncodingError {
                // A value too large for its column (an integer past bigint): widen, then encode again.
                guard case .needsWidening(let wider) = error.reason, let column = plan.columns.first(where: { $0.source == .property(error.propertyName) }) else {
                    throw TargetError.record(line: line, stream: stream, reason: error.description)
                }
                try widen(column, to: wider)
            }
        }
        if usesStaging, !batchKeys.insert(row: row), destination == .table { try moveBatchToStaging() }
        appendMetadata(of: record)
        row.append(CopyTextFormat.rowEnd)
        try row.withUnsafeBytes { try copy?.write(bytes: $0) }
        if destination == .table, usesStaging { directRows.append(contentsOf: row) }
        pendingRows += 1
    }

    /// Widens a column inside the open batch: the rows sent so far are kept, the table (and the
    /// staging table) change type in the same transaction, and the COPY resumes.
    private func widen(_ column: TablePlan.Column, to type: ColumnType) throws {
        let needed = ColumnType.widening(existing: column.type, incoming: type)
        if destination == .table, usesStaging {
            try finishDirectCopy()
            // The rows so far are in; a later failure must only take back what follows.
            if destination == .table { _ = try connection.execute("SAVEPOINT direct_load") }
        }
        _ = try copy?.finish()
        copy = nil
        logger.info("\(stream): widening \(plan.table).\(column.name) from \(column.type.sql) to \(needed.sql) for a value that needs it")
        let synchronizer = TableSynchronizer(connection: connection)
        try synchronizer.changeType(of: column.name, in: relation, from: column.type, to: needed)
        if stagingCreated { try synchronizer.changeType(of: column.name, in: stagingTable, from: column.type, to: needed) }
        if let index = plan.columns.firstIndex(of: column) { plan.columns[index].type = needed }
        encoder = CopyRowEncoder(columns: plan.propertyColumns, nulPolicy: configuration.nulCharacters)
        copy = try connection.startCopyIn("COPY \(destination == .staging ? stagingTable : relation) (\(columnList)) FROM STDIN")
    }

    /// Lands the open batch: finishes the COPY, merges staged rows and commits.
    func commit() throws {
        guard copy != nil else { return }
        if destination == .table, usesStaging { try finishDirectCopy() }  // may move the batch to staging
        if let copy {
            _ = try copy.finish()
            self.copy = nil
        }
        if destination == .staging { try mergeStagedRows(deduplicating: batchKeys.hasRepeats || !canLoadDirectly) }
        try connection.commit()
        endBatch()
        committedRows += pendingRows
        logger.info("\(stream): \(pendingRows) rows committed to \(plan.schema).\(plan.table) (\(committedRows) this run)")
        pendingRows = 0
    }

    private func endBatch() {
        destination = nil
        stagingCreated = false
        directRows.removeAll(keepingCapacity: true)
        batchKeys.reset()
    }

    /// Drops the open batch after an error: nothing of it is kept.
    func discard() {
        if let copy { try? copy.abort(message: "target-postgres stopped") }
        copy = nil
        if connection.isInTransaction { try? connection.rollback() }
        endBatch()
        pendingRows = 0
    }

    /// ACTIVATE_VERSION: rows of older versions are soft-deleted (or deleted with `hard_delete`).
    /// The comparison is strict, so rows of this very version are never touched.
    func activate(version: Int) throws {
        try startUsingVersions()
        let versionColumn = PostgresIdentifier.quoted(MetadataColumn.tableVersion.rawValue)
        let older = "(\(versionColumn) IS NULL OR \(versionColumn) < $1)"
        let result = configuration.hardDelete
            ? try connection.execute("DELETE FROM \(relation) WHERE \(older)", [version])
            : try connection.execute(
                "UPDATE \(relation) SET \(PostgresIdentifier.quoted(MetadataColumn.deletedAt.rawValue)) = now() "
                    + "WHERE \(older) AND \(PostgresIdentifier.quoted(MetadataColumn.deletedAt.rawValue)) IS NULL", [version])
        logger.info("\(stream): version \(version) activated, \(result.affectedRows ?? 0) older rows \(configuration.hardDelete ? "deleted" : "marked deleted")")
    }

    /// The `_sdc_*` fields, after the record's own, in the plan's order.
    private func appendMetadata(of record: RecordMessage) {
        var needsSeparator = !encoder.columns.isEmpty
        for column in plan.columns {
            guard case .metadata(let metadata) = column.source else { continue }
            if needsSeparator { row.append(CopyTextFormat.delimiter) }
            needsSeparator = true
            switch metadata {
            case .extractedAt: appendText(record.timeExtracted)
            case .receivedAt, .batchedAt: appendText(batchStartedAt.singerTimestamp)
            case .deletedAt: appendText(nil)
            case .sequence:
                sequence += 1
                appendText(String(sequence))
            case .tableVersion: appendText(record.version.map(String.init))
            }
        }
    }

    /// A field that needs no COPY escaping (timestamps and integers); `nil` is `\N`.
    private func appendText(_ text: String?) {
        if let text { row.append(contentsOf: text.utf8) } else { row.append(contentsOf: [0x5C, 0x4E]) }
    }
}
