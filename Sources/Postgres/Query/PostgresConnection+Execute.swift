import CLibPQ
import Logging

extension PostgresConnection {
    /// The most parameters one statement may carry (the protocol counts them in 16 bits).
    public static let maximumParameterCount = 65_535

    /// Runs one statement with `$1`, `$2`… parameters sent separately from the SQL (nil is NULL).
    ///
    /// ```swift
    /// let result = try connection.execute("SELECT name FROM accounts WHERE id = $1", [42])
    /// ```
    @discardableResult
    public func execute(_ sql: String, _ parameters: [(any PostgresValue)?] = []) throws(PostgresError) -> PostgresResult {
        let preview = StatementPreview.make(sql)
        let connection = try usableHandle(for: preview)
        try Self.rejectNUL(in: sql, what: "the statement", statement: preview)
        guard parameters.count <= Self.maximumParameterCount else {
            throw .invalidInput("\(parameters.count) parameters exceed PostgreSQL's limit of \(Self.maximumParameterCount)", statement: preview)
        }
        var texts: [String?] = []
        texts.reserveCapacity(parameters.count)
        for (index, parameter) in parameters.enumerated() {
            let text = parameter?.postgresText
            if let text {
                try Self.rejectNUL(in: text, what: "parameter $\(index + 1)", statement: preview)
            }
            texts.append(text)
        }
        logger.debug("execute", metadata: ["sql": "\(preview)", "parameters": "\(parameters.count)"])
        let started = ContinuousClock.now
        let raw = Self.withCStringArray(texts) { values in
            sql.withCString { PQexecParams(connection, $0, Int32(values.count), nil, values, nil, nil, 0) }
        }
        let result = try finish(raw, connection: connection, statement: preview)
        logger.debug("executed", metadata: [
            "command": "\(result.command)",
            "duration": "\(ContinuousClock.now - started)",
        ])
        return result
    }

    /// Runs a script of one or more `;`-separated statements without parameters (DDL, migrations).
    ///
    /// PostgreSQL runs the whole script as one implicit transaction unless it contains its own
    /// `BEGIN`/`COMMIT`; the result is the last statement's.
    @discardableResult
    public func executeScript(_ sql: String) throws(PostgresError) -> PostgresResult {
        let preview = StatementPreview.make(sql)
        let connection = try usableHandle(for: preview)
        try Self.rejectNUL(in: sql, what: "the script", statement: preview)
        logger.debug("execute script", metadata: ["sql": "\(preview)"])
        let raw = sql.withCString { PQexec(connection, $0) }
        return try finish(raw, connection: connection, statement: preview)
    }

    /// Turns libpq's answer into a result, or into an error with all the server's diagnostics.
    private func finish(_ raw: OpaquePointer?, connection: OpaquePointer, statement: String) throws(PostgresError) -> PostgresResult {
        guard let raw else {
            throw PostgresError.from(result: nil, connection: connection, statement: statement, target: target)
        }
        let handle = ResultHandle(raw)
        switch handle.status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return handle.makeResult()
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            Self.abandonCopy(connection, status: handle.status, reason: "COPY is not supported through execute")
            throw .misuse("COPY cannot run through execute; use copyIn(_:) for COPY … FROM STDIN", statement: statement)
        default:
            let error = handle.error(connection: connection, statement: statement, target: target)
            logger.debug("statement failed", metadata: ["sqlstate": "\(error.sqlState ?? "-")", "kind": "\(error.kind)"])
            throw error
        }
    }

    static func rejectNUL(in text: String, what: String, statement: String) throws(PostgresError) {
        // libpq takes C strings: a NUL would silently cut the text short, changing its meaning.
        if text.utf8.contains(0) {
            throw .invalidInput("\(what) contains a NUL byte, which PostgreSQL text cannot hold", statement: statement)
        }
    }

    /// Calls `body` with NUL-terminated copies of `strings` (nil stays a null pointer) laid out in
    /// one buffer, so a statement with many parameters costs two allocations, not one per value.
    static func withCStringArray<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        var storage: [CChar] = []
        storage.reserveCapacity(strings.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 1 })
        var offsets: [Int?] = []
        offsets.reserveCapacity(strings.count)
        for string in strings {
            guard let string else {
                offsets.append(nil)
                continue
            }
            offsets.append(storage.count)
            for byte in string.utf8 { storage.append(CChar(bitPattern: byte)) }
            storage.append(0)
        }
        return storage.withUnsafeBufferPointer { buffer in
            let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                guard let offset, let base = buffer.baseAddress else { return nil }
                return base + offset
            }
            return body(pointers)
        }
    }
}
