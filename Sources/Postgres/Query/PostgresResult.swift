/// The outcome of one statement: its rows (as text), column names and command status.
///
/// A value type: rows are copied out of libpq when the statement completes, so a result can be
/// kept, passed across tasks and read after the connection moved on.
///
/// ```swift
/// let result = try connection.execute("SELECT id, name FROM accounts WHERE active = $1", [true])
/// for row in result { print(try row.int("id") ?? 0, row["name"] ?? "NULL") }
/// ```
public struct PostgresResult: Sendable {
    let storage: Storage

    /// Column names, in order.
    public var columns: [String] { storage.columns }
    /// The command tag, e.g. `INSERT 0 3`, `SELECT 2`, `CREATE TABLE`.
    public var command: String { storage.command }
    /// Rows inserted, updated, deleted, selected or copied, when the command reports a count.
    public var affectedRows: Int? { storage.affectedRows }

    init(columns: [String], values: [String?], command: String, affectedRows: Int?) {
        storage = Storage(columns: columns, values: values, command: command, affectedRows: affectedRows)
    }

    /// The index of the first column called `name`, if any.
    public func columnIndex(named name: String) -> Int? {
        storage.columnIndex(named: name)
    }

    /// Shared, immutable backing so rows are views without their own allocations.
    final class Storage: Sendable {
        let columns: [String]
        let values: [String?]
        let command: String
        let affectedRows: Int?

        init(columns: [String], values: [String?], command: String, affectedRows: Int?) {
            self.columns = columns
            self.values = values
            self.command = command
            self.affectedRows = affectedRows
        }

        var rowCount: Int { columns.isEmpty ? 0 : values.count / columns.count }

        func columnIndex(named name: String) -> Int? {
            columns.firstIndex(of: name)
        }
    }
}

extension PostgresResult: RandomAccessCollection {
    /// The first row's position: always 0.
    public var startIndex: Int { 0 }
    /// One past the last row's position: the number of rows.
    public var endIndex: Int { storage.rowCount }

    /// The row at `position` (0-based).
    public subscript(position: Int) -> PostgresRow {
        precondition(indices.contains(position), "row \(position) is outside 0..<\(count)")
        return PostgresRow(storage: storage, row: position)
    }
}
