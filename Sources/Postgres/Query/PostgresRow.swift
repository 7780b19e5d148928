/// One row of a ``PostgresResult``: values in PostgreSQL's text format, `nil` for SQL NULL.
///
/// ```swift
/// let row = try connection.execute("SELECT 42 AS answer, true AS ok, NULL AS nothing")[0]
/// row[0]                    // "42"
/// try row.int("answer")     // 42
/// try row.bool("ok")        // true
/// row["nothing"]            // nil
/// ```
public struct PostgresRow: Sendable {
    let storage: PostgresResult.Storage
    let row: Int

    /// Column names, in order.
    public var columns: [String] { storage.columns }

    /// Number of columns.
    public var count: Int { storage.columns.count }

    /// The text of column `column` (0-based), or nil for SQL NULL.
    public subscript(column: Int) -> String? {
        precondition(column >= 0 && column < count, "column \(column) is outside 0..<\(count)")
        return storage.values[row * count + column]
    }

    /// The text of the column called `name`, or nil for SQL NULL or when there is no such column.
    public subscript(name: String) -> String? {
        storage.columnIndex(named: name).flatMap { self[$0] }
    }

    /// The values as text, in column order.
    public var values: [String?] {
        Array(storage.values[row * count ..< (row + 1) * count])
    }

    // MARK: Typed access. Each returns nil for SQL NULL and throws when the text does not parse.

    /// Column `column` as text.
    public func string(_ column: Int) throws(PostgresError) -> String? {
        try checked(column)
    }

    /// The column called `name` as text.
    public func string(_ name: String) throws(PostgresError) -> String? {
        try self[checkedIndex(name)]
    }

    /// Column `column` as an integer (`int2`, `int4`, `int8`, or numeric text without a fraction).
    public func int(_ column: Int) throws(PostgresError) -> Int? {
        try convert(column, as: "integer") { Int($0) }
    }

    /// The column called `name` as an integer.
    public func int(_ name: String) throws(PostgresError) -> Int? {
        try int(checkedIndex(name))
    }

    /// Column `column` as a boolean (`t`/`f`, as PostgreSQL prints `bool`).
    public func bool(_ column: Int) throws(PostgresError) -> Bool? {
        try convert(column, as: "boolean") { text in
            switch text {
            case "t", "true": true
            case "f", "false": false
            default: nil
            }
        }
    }

    /// The column called `name` as a boolean.
    public func bool(_ name: String) throws(PostgresError) -> Bool? {
        try bool(checkedIndex(name))
    }

    /// Column `column` as a double (`float4`, `float8`, `numeric`, `NaN`, `±Infinity`).
    public func double(_ column: Int) throws(PostgresError) -> Double? {
        try convert(column, as: "double") { text in
            switch text {
            case "Infinity": .infinity
            case "-Infinity": -.infinity
            case "NaN": .nan
            default: Double(text)
            }
        }
    }

    /// The column called `name` as a double.
    public func double(_ name: String) throws(PostgresError) -> Double? {
        try double(checkedIndex(name))
    }

    private func checked(_ column: Int) throws(PostgresError) -> String? {
        guard column >= 0 && column < count else {
            throw PostgresError(kind: .misuse, message: "column \(column) is outside 0..<\(count) (columns: \(columns.joined(separator: ", ")))")
        }
        return self[column]
    }

    private func checkedIndex(_ name: String) throws(PostgresError) -> Int {
        guard let index = storage.columnIndex(named: name) else {
            throw PostgresError(kind: .misuse, message: "no column \"\(name)\" in the result (columns: \(columns.joined(separator: ", ")))")
        }
        return index
    }

    private func convert<T>(_ column: Int, as type: String, _ parse: (String) -> T?) throws(PostgresError) -> T? {
        guard let text = try checked(column) else { return nil }
        guard let value = parse(text) else {
            let shown = text.count > 80 ? String(text.prefix(80)) + "…" : text
            throw PostgresError(
                kind: .unexpectedValue,
                message: "column \"\(columns[column])\" (row \(row + 1)) holds \"\(shown)\", not a valid \(type)"
            )
        }
        return value
    }
}
