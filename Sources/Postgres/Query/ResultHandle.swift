import CLibPQ

/// Owns one `PGresult` and clears it exactly once.
struct ResultHandle: ~Copyable {
    /// Diagnostic fields of an error or notice (`PG_DIAG_*` in postgres_ext.h).
    enum ErrorField: Character {
        case severityNonLocalized = "V"
        case sqlState = "C"
        case messagePrimary = "M"
        case detail = "D"
        case hint = "H"
        case statementPosition = "P"
        case context = "W"
        case schemaName = "s"
        case tableName = "t"
        case columnName = "c"
        case constraintName = "n"

        var code: Int32 { Int32(rawValue.asciiValue ?? 0) }
    }

    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        PQclear(pointer)
    }

    var status: ExecStatusType { PQresultStatus(pointer) }

    /// The diagnostic field of `result`, or nil when the server did not send it.
    static func errorField(_ result: OpaquePointer, _ field: ErrorField) -> String? {
        guard let value = PQresultErrorField(result, field.code) else { return nil }
        return String(cString: value)
    }

    /// The rows, columns and command status, copied out so the PGresult can be cleared.
    func makeResult() -> PostgresResult {
        let rowCount = Int(PQntuples(pointer))
        let columnCount = Int(PQnfields(pointer))
        var columns: [String] = []
        columns.reserveCapacity(columnCount)
        for column in 0..<columnCount {
            columns.append(PQfname(pointer, Int32(column)).map { String(cString: $0) } ?? "?column?")
        }
        var values: [String?] = []
        values.reserveCapacity(rowCount * columnCount)
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                values.append(value(row: Int32(row), column: Int32(column)))
            }
        }
        let command = PQcmdStatus(pointer).map { String(cString: $0) } ?? ""
        let affected = PQcmdTuples(pointer).flatMap { Int(String(cString: $0)) }
        return PostgresResult(columns: columns, values: values, command: command, affectedRows: affected)
    }

    private func value(row: Int32, column: Int32) -> String? {
        if PQgetisnull(pointer, row, column) != 0 { return nil }
        guard let bytes = PQgetvalue(pointer, row, column) else { return nil }
        let length = Int(PQgetlength(pointer, row, column))
        return bytes.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// The failure this result reports, classified as lost connection, server or client error.
    func error(connection: OpaquePointer, statement: String?, target: String) -> PostgresError {
        PostgresError.from(result: pointer, connection: connection, statement: statement, target: target)
    }
}

extension PostgresError {
    /// Builds an error from a failed result (or from the connection alone when `result` is nil).
    ///
    /// A FATAL or PANIC severity ends the session even before libpq notices the closed socket,
    /// so those count as a lost connection along with `CONNECTION_BAD`.
    static func from(result: OpaquePointer?, connection: OpaquePointer, statement: String?, target: String) -> PostgresError {
        let field = { (name: ResultHandle.ErrorField) -> String? in
            result.flatMap { ResultHandle.errorField($0, name) }
        }
        let sqlState = field(.sqlState)
        let severity = field(.severityNonLocalized)
        var message = field(.messagePrimary)
        if message == nil, let result, let text = PQresultErrorMessage(result) {
            message = String(cString: text).joinedIntoOneLine()
        }
        if message?.isEmpty ?? true {
            message = String(cString: PQerrorMessage(connection)).joinedIntoOneLine()
        }
        let lost = PQstatus(connection) == CONNECTION_BAD || severity == "FATAL" || severity == "PANIC"
        let kind: Kind = lost ? .connectionLost : (sqlState == nil ? .client : .server)
        return PostgresError(
            kind: kind,
            message: message.flatMap { $0.isEmpty ? nil : $0 } ?? "no message from libpq",
            sqlState: sqlState,
            severity: severity,
            detail: field(.detail),
            hint: field(.hint),
            context: field(.context),
            position: field(.statementPosition).flatMap { Int($0) },
            schema: field(.schemaName),
            table: field(.tableName),
            column: field(.columnName),
            constraint: field(.constraintName),
            statement: statement,
            target: target
        )
    }
}
