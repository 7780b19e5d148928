import CLibPQ
import Logging

/// One session with a PostgreSQL server, over libpq.
///
/// Opening is blocking and so is every statement; use one connection from one task at a time (it
/// is deliberately not `Sendable`). The session closes on ``close()`` or when the object goes away.
///
/// ```swift
/// let connection = try PostgresConnection()                       // PGHOST, PGUSER… from the environment
/// let other = try PostgresConnection(conninfo: "postgresql://loader@db/warehouse?sslmode=require")
/// ```
public final class PostgresConnection {
    /// Where this connection goes: `user@host:port/database`, never with the password.
    public let target: String

    /// The logger for statements (debug) and server notices; secrets and parameters are never logged.
    public var logger: Logger {
        get { notices.logger }
        set { notices.logger = newValue }
    }

    /// The PGconn; nil once closed.
    var handle: OpaquePointer?
    /// Set while a ``CopyInWriter`` owns the session, because libpq allows nothing else meanwhile.
    var copyInProgress = false
    private let notices: NoticeForwarder

    /// Opens a connection from a libpq conninfo string (`host=db user=loader`) or a
    /// `postgresql://` URI; anything the string leaves out comes from libpq's `PG*` variables.
    ///
    /// The session always uses UTF-8 as client encoding, because Swift strings are UTF-8.
    public init(conninfo: String, logger: Logger = Logger(label: "postgres")) throws(PostgresError) {
        notices = NoticeForwarder(logger: logger)
        if conninfo.utf8.contains(0) {
            throw PostgresError(kind: .connectionFailed, message: "the connection string contains a NUL byte")
        }
        if !conninfo.isEmpty, case .failure(let error) = ConninfoRedaction.parse(conninfo) {
            throw error
        }
        // Passing the string as an expandable `dbname` lets a later keyword force the encoding
        // while everything the string omits still falls back to the PG* environment.
        let connection: OpaquePointer? = "dbname".withCString { dbnameKeyword in
            "client_encoding".withCString { encodingKeyword in
                conninfo.withCString { conninfoValue in
                    "UTF8".withCString { encodingValue in
                        let keywords: [UnsafePointer<CChar>?] = [dbnameKeyword, encodingKeyword, nil]
                        let values: [UnsafePointer<CChar>?] = [conninfoValue, encodingValue, nil]
                        return PQconnectdbParams(keywords, values, 1)
                    }
                }
            }
        }
        guard let connection else {
            throw PostgresError(kind: .connectionFailed, message: "libpq could not allocate a connection (out of memory)")
        }
        let target = ConninfoRedaction.target(of: connection)
        guard PQstatus(connection) == CONNECTION_OK else {
            let secrets = PQpass(connection).map { [String(cString: $0)] } ?? []
            let raw = String(cString: PQerrorMessage(connection)).joinedIntoOneLine()
            PQfinish(connection)
            throw PostgresError(
                kind: .connectionFailed,
                message: ConninfoRedaction.scrub(raw, secrets: secrets),
                hint: "check host, port, user, password and database (or the PG* environment variables)",
                // A mistyped setting can put the password where a host or user belongs.
                target: ConninfoRedaction.scrub(target, secrets: secrets)
            )
        }
        self.target = target
        self.handle = connection
        notices.install(on: connection)
        logger.debug("connected", metadata: ["target": "\(target)", "server_version": "\(PQserverVersion(connection))"])
    }

    /// Opens a connection from structured settings; unset ones fall back to libpq's `PG*` variables.
    public convenience init(settings: PostgresConnectionSettings = .init(), logger: Logger = Logger(label: "postgres")) throws(PostgresError) {
        try self.init(conninfo: settings.conninfo, logger: logger)
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Closes the session; later calls on this connection throw a `.misuse` error. Safe to repeat.
    public func close() {
        guard let handle else { return }
        PQfinish(handle)
        self.handle = nil
        logger.debug("closed", metadata: ["target": "\(target)"])
    }

    /// Whether libpq still considers the session usable (it learns of a loss only on the next use).
    public var isConnected: Bool {
        handle.map { PQstatus($0) == CONNECTION_OK } ?? false
    }

    /// The server's version as an integer, e.g. `150008` for 15.8.
    public var serverVersion: Int {
        handle.map { Int(PQserverVersion($0)) } ?? 0
    }

    /// The process ID of the server backend serving this session (see `pg_stat_activity.pid`).
    public var backendPID: Int {
        handle.map { Int(PQbackendPID($0)) } ?? 0
    }

    /// The open PGconn, or a `.misuse` error when closed or busy with COPY.
    func usableHandle(for statement: String?) throws(PostgresError) -> OpaquePointer {
        guard let handle else {
            throw .misuse("the connection to \(target) was closed", statement: statement)
        }
        if copyInProgress {
            throw .misuse("a COPY FROM STDIN is in progress; finish or abort its writer first", statement: statement)
        }
        return handle
    }
}

extension PostgresConnection: CustomStringConvertible {
    /// `PostgresConnection(user@host:port/database)`.
    public var description: String { "PostgresConnection(\(target))" }
}
