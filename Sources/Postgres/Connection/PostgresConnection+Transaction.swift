import CLibPQ
import Logging

extension PostgresConnection {
    /// Whether the session is inside a transaction block (including a failed one awaiting ROLLBACK).
    public var isInTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// Starts a transaction block.
    public func begin() throws(PostgresError) {
        try execute("BEGIN")
    }

    /// Commits the open transaction.
    ///
    /// Throws `.transactionAborted` when PostgreSQL answers COMMIT with ROLLBACK, which it does
    /// silently when an earlier statement of the transaction failed and the error was swallowed.
    public func commit() throws(PostgresError) {
        let result = try execute("COMMIT")
        if result.command == "ROLLBACK" {
            throw PostgresError(
                kind: .transactionAborted,
                message: "COMMIT rolled back the transaction because an earlier statement in it failed",
                hint: "look for an error caught inside the transaction",
                statement: "COMMIT",
                target: target
            )
        }
    }

    /// Rolls back the open transaction.
    public func rollback() throws(PostgresError) {
        try execute("ROLLBACK")
    }

    /// Runs `body` inside BEGIN … COMMIT, rolling back and rethrowing if `body` throws.
    ///
    /// ```swift
    /// try connection.transaction { connection in
    ///     try connection.execute("DELETE FROM accounts WHERE id = $1", [7])
    ///     try connection.execute("INSERT INTO audit (note) VALUES ($1)", ["deleted 7"])
    /// }
    /// ```
    /// Transactions do not nest: calling this inside one throws `.misuse`.
    public func transaction<Value>(_ body: (PostgresConnection) throws -> Value) throws -> Value {
        if isInTransaction {
            throw PostgresError.misuse("a transaction is already open on \(target); transactions do not nest")
        }
        try begin()
        let value: Value
        do {
            value = try body(self)
        } catch {
            // The body's error says what went wrong; a failing ROLLBACK (usually a lost
            // connection, which rolls back anyway) is only worth a log line.
            if handle != nil, !copyInProgress {
                do {
                    try rollback()
                } catch let rollbackError {
                    logger.warning("rollback after error failed", metadata: ["error": "\(rollbackError.message)"])
                }
            }
            throw error
        }
        try commit()
        return value
    }
}
