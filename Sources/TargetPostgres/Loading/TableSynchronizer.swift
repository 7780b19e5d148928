import Postgres

/// Makes a table match its plan: creates it, adds missing columns, widens column types and
/// moves the primary key, recording original names in comments. Never drops a column or
/// narrows a type: a column a schema no longer mentions stays, filled with NULL.
struct TableSynchronizer {
    /// What the database holds for one table.
    struct ExistingTable: Sendable, Hashable {
        struct Column: Sendable, Hashable {
            var name: String
            /// `nil` for a type this target does not create (a column added by hand).
            var type: ColumnType?
            var comment: String?
        }

        var columns: [Column]
        var keyColumns: [String]
        var primaryKeyConstraint: String?
    }

    let connection: PostgresConnection

    func ensureSchema(_ schema: String) throws {
        _ = try connection.execute("CREATE SCHEMA IF NOT EXISTS \(PostgresIdentifier.quoted(schema))")
    }

    /// The table as it stands, or `nil` when it does not exist.
    func existingTable(schema: String, table: String) throws -> ExistingTable? {
        let relation = PostgresIdentifier.qualified(schema: schema, name: table)
        let columns = try connection.execute("""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), col_description(a.attrelid, a.attnum)
            FROM pg_attribute a
            WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """, [relation])
        guard !columns.isEmpty else {
            let exists = try connection.execute("SELECT to_regclass($1) IS NOT NULL", [relation])
            return try exists[0].bool(0) == true ? ExistingTable(columns: [], keyColumns: [], primaryKeyConstraint: nil) : nil
        }
        let key = try connection.execute("""
            SELECT a.attname, c.conname
            FROM pg_constraint c
            JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, position) ON true
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
            WHERE c.conrelid = to_regclass($1) AND c.contype = 'p'
            ORDER BY k.position
            """, [relation])
        return ExistingTable(
            columns: columns.map { row in
                ExistingTable.Column(name: row[0] ?? "", type: row[1].flatMap(ColumnType.init(formatType:)), comment: row[2])
            },
            keyColumns: key.map { $0[0] ?? "" },
            primaryKeyConstraint: key.first?[1])
    }

    /// Brings the table in line with `plan` and returns the plan with the column types the
    /// table really has (an existing wider column stays wider). One transaction: a change that
    /// fails (a key the rows break) leaves the table as it was.
    func synchronize(_ plan: TablePlan) throws -> TablePlan {
        try connection.transaction { _ in try synchronizeInTransaction(plan) }
    }

    private func synchronizeInTransaction(_ plan: TablePlan) throws -> TablePlan {
        try ensureSchema(plan.schema)
        let relation = PostgresIdentifier.qualified(schema: plan.schema, name: plan.table)
        guard let existing = try existingTable(schema: plan.schema, table: plan.table) else {
            try create(plan, relation: relation)
            return plan
        }
        var synchronized = plan
        for (index, column) in plan.columns.enumerated() {
            guard let current = existing.columns.first(where: { $0.name == column.name }) else {
                _ = try connection.execute("ALTER TABLE \(relation) ADD COLUMN \(PostgresIdentifier.quoted(column.name)) \(column.type.sql)")
                try comment(onColumn: column, relation: relation)
                continue
            }
            guard let currentType = current.type else {
                throw TargetError.unmanagedColumnType(table: relation, column: column.name)
            }
            let needed = ColumnType.widening(existing: currentType, incoming: column.type)
            if needed != currentType { try changeType(of: column.name, in: relation, from: currentType, to: needed) }
            if current.comment.flatMap(NamePolicy.originalName(fromComment:)) == nil {
                try comment(onColumn: column, relation: relation)  // adopted from a table another target made
            }
            synchronized.columns[index].type = needed
        }
        if existing.keyColumns != plan.keyColumns {
            try moveKey(of: relation, from: existing, to: plan.keyColumns)
        }
        return synchronized
    }

    /// Converts a column in place to a wider type, with a `USING` that loses no data.
    func changeType(of column: String, in relation: String, from current: ColumnType, to wider: ColumnType) throws {
        let quoted = PostgresIdentifier.quoted(column)
        guard let using = current.alterUsing(column: quoted, to: wider) else {
            throw TargetError.unmanagedColumnType(table: relation, column: column)
        }
        _ = try connection.execute("ALTER TABLE \(relation) ALTER COLUMN \(quoted) TYPE \(wider.sql) USING \(using)")
    }

    private func create(_ plan: TablePlan, relation: String) throws {
        var definitions = plan.columns.map { "\(PostgresIdentifier.quoted($0.name)) \($0.type.sql)" }
        if !plan.keyColumns.isEmpty {
            definitions.append("PRIMARY KEY (\(plan.keyColumns.map(PostgresIdentifier.quoted).joined(separator: ", ")))")
        }
        _ = try connection.execute("CREATE TABLE \(relation) (\(definitions.joined(separator: ", ")))")
        _ = try connection.execute("COMMENT ON TABLE \(relation) IS \(PostgresLiteral.quoted(NamePolicy.comment(forOriginalName: plan.stream)))")
        for column in plan.columns { try comment(onColumn: column, relation: relation) }
    }

    private func comment(onColumn column: TablePlan.Column, relation: String) throws {
        _ = try connection.execute(
            "COMMENT ON COLUMN \(relation).\(PostgresIdentifier.quoted(column.name)) IS "
                + PostgresLiteral.quoted(NamePolicy.comment(forOriginalName: column.originalName)))
    }

    /// A changed `key_properties`: the old primary key goes and the new one comes (inside the
    /// synchronizing transaction), so rows that break the new key leave the table as it was.
    private func moveKey(of relation: String, from existing: ExistingTable, to keyColumns: [String]) throws {
        do {
            if let constraint = existing.primaryKeyConstraint {
                _ = try connection.execute("ALTER TABLE \(relation) DROP CONSTRAINT \(PostgresIdentifier.quoted(constraint))")
            }
            guard !keyColumns.isEmpty else { return }
            _ = try connection.execute("ALTER TABLE \(relation) ADD PRIMARY KEY (\(keyColumns.map(PostgresIdentifier.quoted).joined(separator: ", ")))")
        } catch {
            throw TargetError.keyChangeFailed(table: relation, from: existing.keyColumns, to: keyColumns, reason: "\(error)")
        }
    }
}
