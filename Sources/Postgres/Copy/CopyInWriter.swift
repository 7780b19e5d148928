import CLibPQ
import Logging

/// Streams data into a running `COPY … FROM STDIN`, in large chunks.
///
/// Writes go into one reusable buffer (reserved once at `chunkSize`, up to 16 MiB) and reach libpq only when
/// it is full, so a call to `write` allocates nothing and costs a copy. PostgreSQL reports a bad
/// row only when the COPY ends: ``finish()`` throws it, with the line number in `context`.
///
/// ```swift
/// let rows = try connection.copyIn("COPY items (id, name) FROM STDIN") { writer in
///     try writer.writeRow(["1", "first"])
///     try writer.write("2\tsecond\n")
/// }
/// ```
public final class CopyInWriter {
    /// Bytes buffered before they are handed to libpq.
    public let chunkSize: Int
    /// Bytes accepted so far (buffered or sent).
    public private(set) var bytesWritten = 0
    /// The rows PostgreSQL stored, once ``finish()`` succeeded; `nil` before, or after an abort.
    public private(set) var rowsStored: Int?
    /// Whether the COPY is still running (neither finished nor aborted nor broken).
    public var isActive: Bool { isOpen }

    /// The largest chunk libpq accepts in one `PQputCopyData` call (its length is a C `int`).
    public static let maximumChunkSize = Int(Int32.max)
    /// The most buffer reserved up front; a larger chunk size grows the buffer only as data comes.
    static let maximumInitialReservation = 16 << 20

    private let connection: PostgresConnection
    private let statement: String
    private var buffer: [UInt8]
    private var isOpen = true

    init(connection: PostgresConnection, statement: String, chunkSize: Int) {
        self.connection = connection
        self.statement = statement
        // Clamped: a chunk of 2 GiB or more would trap converting its length for libpq.
        self.chunkSize = min(max(chunkSize, 1), Self.maximumChunkSize)
        buffer = []
        buffer.reserveCapacity(min(self.chunkSize, Self.maximumInitialReservation))
    }

    deinit {
        // A writer dropped without finish() or abort() would leave the session stuck in COPY.
        if isOpen { try? abort(message: "COPY writer was discarded without finish()") }
    }

    /// Appends raw bytes of COPY data (already in the format the COPY statement names).
    public func write(bytes: UnsafeRawBufferPointer) throws(PostgresError) {
        try ensureOpen()
        bytesWritten += bytes.count
        if buffer.count + bytes.count > chunkSize { try flush() }
        if bytes.count >= chunkSize {
            // Larger than a chunk: hand it over directly rather than growing the buffer.
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + chunkSize, bytes.count)
                try send(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
                offset = end
            }
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends raw bytes of COPY data.
    public func write(_ bytes: [UInt8]) throws(PostgresError) {
        // withUnsafeBytes only rethrows untyped errors, so the typed one travels in a Result.
        try bytes.withUnsafeBytes { raw in
            Result { () throws(PostgresError) in try write(bytes: raw) }
        }.get()
    }

    /// Appends the UTF-8 bytes of `text` (already in COPY format: escaped, tab-separated, `\n`-ended).
    public func write(_ text: String) throws(PostgresError) {
        var text = text
        try text.withUTF8 { utf8 in
            Result { () throws(PostgresError) in try write(bytes: UnsafeRawBufferPointer(utf8)) }
        }.get()
    }

    /// Appends one row in COPY text format, escaping each field; nil is written as `\N` (NULL).
    public func writeRow(_ fields: [String?]) throws(PostgresError) {
        try ensureOpen()
        let before = buffer.count
        CopyTextFormat.appendRow(fields, to: &buffer)
        bytesWritten += buffer.count - before
        if buffer.count >= chunkSize { try flush() }
    }

    /// Hands buffered bytes to libpq now (normally done whenever a chunk fills up).
    public func flush() throws(PostgresError) {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { raw in
            Result { () throws(PostgresError) in try send(raw) }
        }.get()
        buffer.removeAll(keepingCapacity: true)
    }

    /// Ends the COPY and returns the number of rows PostgreSQL stored.
    ///
    /// Throws the server's error (SQLSTATE, message, `context` naming the line) when a row was
    /// rejected; the COPY is then void and, inside a transaction, so is the transaction.
    @discardableResult
    public func finish() throws(PostgresError) -> Int {
        try ensureOpen()
        let handle = try connectionHandle()
        do {
            try flush()
        } catch {
            // The data did not all arrive; end the COPY so the session is usable, then report.
            _ = try? end(handle, failure: "client failed while sending COPY data")
            throw error
        }
        let rows = try end(handle, failure: nil)
        rowsStored = rows
        connection.logger.debug("copy finished", metadata: ["rows": "\(rows)", "bytes": "\(bytesWritten)"])
        return rows
    }

    /// Cancels the COPY: PostgreSQL discards every row sent and the session becomes usable again.
    public func abort(message: String) throws(PostgresError) {
        try ensureOpen()
        let handle = try connectionHandle()
        buffer.removeAll(keepingCapacity: true)
        do {
            _ = try end(handle, failure: message.isEmpty ? "aborted" : message)
        } catch let error where error.sqlState == "57014" {
            // "COPY from stdin failed: <message>" is the expected answer to our own abort.
        }
        connection.logger.debug("copy aborted", metadata: ["reason": "\(message)"])
    }

    private func ensureOpen() throws(PostgresError) {
        guard isOpen else { throw .misuse("this COPY has already ended", statement: statement) }
    }

    private func connectionHandle() throws(PostgresError) -> OpaquePointer {
        guard let handle = connection.handle else {
            isOpen = false
            connection.copyInProgress = false
            throw .misuse("the connection to \(connection.target) was closed during COPY", statement: statement)
        }
        return handle
    }

    private func send(_ bytes: UnsafeRawBufferPointer) throws(PostgresError) {
        let handle = try connectionHandle()
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let sent = PQputCopyData(handle, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        if sent != 1 {
            // Only a broken connection makes a blocking PQputCopyData fail.
            isOpen = false
            connection.copyInProgress = false
            throw PostgresError.from(result: nil, connection: handle, statement: statement, target: connection.target)
        }
    }

    /// Sends end-of-data (or a failure message) and reads the COPY's final result(s).
    private func end(_ handle: OpaquePointer, failure: String?) throws(PostgresError) -> Int {
        isOpen = false
        defer { connection.copyInProgress = false }
        let ended = if let failure {
            failure.withCString { PQputCopyEnd(handle, $0) }
        } else {
            PQputCopyEnd(handle, nil)
        }
        guard ended == 1 else {
            throw PostgresError.from(result: nil, connection: handle, statement: statement, target: connection.target)
        }
        var rows = 0
        var firstError: PostgresError?
        // Read until NULL: libpq needs every result consumed before the next command.
        while let raw = PQgetResult(handle) {
            let result = ResultHandle(raw)
            switch result.status {
            case PGRES_COMMAND_OK:
                rows += PQcmdTuples(raw).flatMap { Int(String(cString: $0)) } ?? 0
            case PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
                break
            default:
                // Keep the first error: later ones (a lost connection) are its consequence.
                if firstError == nil {
                    firstError = result.error(connection: handle, statement: statement, target: connection.target)
                }
            }
        }
        if let firstError { throw firstError }
        return rows
    }
}
