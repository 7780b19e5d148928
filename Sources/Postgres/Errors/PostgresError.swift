/// A failure reported by PostgreSQL, by libpq, or by this layer, with the context needed to act on it.
///
/// Server errors keep every diagnostic field PostgreSQL sent (SQLSTATE, detail, hint, context such as
/// `COPY items, line 3, column id: "x"`), plus a truncated copy of the statement that failed.
/// Nothing in an error ever contains a password: connection targets are rendered as
/// `user@host:port/database` and libpq's messages are scrubbed of the password it used.
///
/// ```swift
/// do { try connection.execute("SELECT 1/0") }
/// catch let error as PostgresError where error.sqlState == "22012" { print(error.message) }
/// ```
public struct PostgresError: Error, Sendable, Equatable {
    /// What went wrong, broadly; see ``PostgresError/sqlState`` for the server's precise code.
    public enum Kind: String, Sendable, Equatable {
        /// The connection could not be opened (refused, bad password, unparseable conninfo…).
        case connectionFailed
        /// The session ended underneath us (server restart, backend terminated, network drop).
        case connectionLost
        /// PostgreSQL rejected a statement; `sqlState` says why.
        case server
        /// libpq reported a client-side failure that carries no SQLSTATE.
        case client
        /// Input cannot be sent to PostgreSQL (for example a NUL byte inside SQL text).
        case invalidInput
        /// A value in a result could not be read as the requested type.
        case unexpectedValue
        /// COMMIT ended in ROLLBACK because an earlier statement of the transaction failed.
        case transactionAborted
        /// The API was used out of order (connection closed, COPY still in progress…).
        case misuse
    }

    /// The broad category of the failure.
    public var kind: Kind
    /// The primary, human-readable message.
    public var message: String
    /// The five-character SQLSTATE sent by the server, e.g. `23505` for a unique violation.
    public var sqlState: String?
    /// Severity as sent by the server (`ERROR`, `FATAL`, `PANIC`).
    public var severity: String?
    /// The server's secondary message with specifics.
    public var detail: String?
    /// The server's suggestion on what to do.
    public var hint: String?
    /// Where in the server the error arose, e.g. `COPY items, line 3, column id: "x"`.
    public var context: String?
    /// 1-based character offset into the statement, when the server points at one.
    public var position: Int?
    /// The schema the error refers to, when the server names one.
    public var schema: String?
    /// The table the error refers to, when the server names one.
    public var table: String?
    /// The column the error refers to, when the server names one (e.g. a not-null violation).
    public var column: String?
    /// The constraint the error refers to, when the server names one (e.g. `items_pkey`).
    public var constraint: String?
    /// The statement that failed, truncated for display; never includes parameter values.
    public var statement: String?
    /// The connection target, `user@host:port/database`, without the password.
    public var target: String?

    /// Creates an error; mostly for this module and for tests that fake failures.
    public init(
        kind: Kind,
        message: String,
        sqlState: String? = nil,
        severity: String? = nil,
        detail: String? = nil,
        hint: String? = nil,
        context: String? = nil,
        position: Int? = nil,
        schema: String? = nil,
        table: String? = nil,
        column: String? = nil,
        constraint: String? = nil,
        statement: String? = nil,
        target: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.severity = severity
        self.detail = detail
        self.hint = hint
        self.context = context
        self.position = position
        self.schema = schema
        self.table = table
        self.column = column
        self.constraint = constraint
        self.statement = statement
        self.target = target
    }

    /// True when the session is gone and the caller must reconnect before retrying.
    public var isConnectionLost: Bool { kind == .connectionLost }
}

extension PostgresError {
    static func misuse(_ message: String, statement: String? = nil) -> PostgresError {
        PostgresError(kind: .misuse, message: message, statement: statement)
    }

    static func invalidInput(_ message: String, statement: String? = nil) -> PostgresError {
        PostgresError(kind: .invalidInput, message: message, statement: statement)
    }
}
