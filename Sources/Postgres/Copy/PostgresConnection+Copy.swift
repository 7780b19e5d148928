import CLibPQ
import Logging

extension PostgresConnection {
    /// Default COPY chunk: large enough that libpq and the kernel see few, big writes.
    public static let defaultCopyChunkSize = 1 << 20

    /// Runs `COPY … FROM STDIN`, lets `body` stream the data, and returns the rows stored.
    ///
    /// If `body` throws, the COPY is aborted (nothing is stored) and the error is rethrown.
    /// `body` may end the COPY itself: after its own `finish()` the rows that stored are
    /// returned, after its own `abort(message:)` zero.
    ///
    /// ```swift
    /// let stored = try connection.copyIn("COPY items (id, name) FROM STDIN") { writer in
    ///     for item in items { try writer.writeRow([String(item.id), item.name]) }
    /// }
    /// ```
    @discardableResult
    public func copyIn(_ sql: String, chunkSize: Int = defaultCopyChunkSize, _ body: (CopyInWriter) throws -> Void) throws -> Int {
        let writer = try startCopyIn(sql, chunkSize: chunkSize)
        do {
            try body(writer)
        } catch {
            abortAfterFailure(writer, cause: error)
            throw error
        }
        guard writer.isActive else { return writer.rowsStored ?? 0 }
        return try writer.finish()
    }

    private func abortAfterFailure(_ writer: CopyInWriter, cause: any Error) {
        let reason = "aborted by client: " + StatementPreview.make(String(describing: cause), limit: 200)
        do {
            try writer.abort(message: reason)
        } catch {
            // Already ended (the body called finish or abort itself) is fine; anything else is logged.
            if error.kind != .misuse {
                logger.warning("aborting COPY failed", metadata: ["error": "\(error.message)"])
            }
        }
    }

    /// Starts `COPY … FROM STDIN` and returns the writer that feeds it; call `finish()` or `abort(message:)`.
    ///
    /// Until then the connection accepts no other statement.
    ///
    /// `chunkSize` is clamped to `1...CopyInWriter.maximumChunkSize`.
    public func startCopyIn(_ sql: String, chunkSize: Int = defaultCopyChunkSize) throws(PostgresError) -> CopyInWriter {
        let preview = StatementPreview.make(sql)
        let connection = try usableHandle(for: preview)
        try Self.rejectNUL(in: sql, what: "the COPY statement", statement: preview)
        logger.debug("copy in", metadata: ["sql": "\(preview)"])
        guard let raw = sql.withCString({ PQexec(connection, $0) }) else {
            throw PostgresError.from(result: nil, connection: connection, statement: preview, target: target)
        }
        let result = ResultHandle(raw)
        switch result.status {
        case PGRES_COPY_IN:
            copyInProgress = true
            return CopyInWriter(connection: self, statement: preview, chunkSize: chunkSize)
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR, PGRES_BAD_RESPONSE:
            throw result.error(connection: connection, statement: preview, target: target)
        default:
            // Not a COPY FROM STDIN (a plain statement ran, or COPY TO): make the session usable.
            Self.abandonCopy(connection, status: result.status, reason: "copyIn expects COPY … FROM STDIN")
            throw .misuse("copyIn expects a COPY … FROM STDIN statement", statement: preview)
        }
    }
}
