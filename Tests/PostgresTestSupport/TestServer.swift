import Foundation
import Postgres

/// The PostgreSQL server the tests run against: the throwaway cluster `scripts/test` starts and
/// describes through PGHOST, PGPORT, PGUSER and PGDATABASE.
public enum TestServer {
    /// Thrown (so the test fails, never skips) when the suite runs without its server.
    public struct NotConfigured: Error, CustomStringConvertible {
        public var description: String {
            "PGHOST and PGPORT are not set, so there is no PostgreSQL to test against. "
                + "Run these tests through `scripts/test` (e.g. `scripts/test --filter PostgresTests`), which starts a throwaway server."
        }
    }

    public struct Endpoint: Sendable {
        public var host: String
        public var port: Int
        public var user: String
        public var database: String
    }

    public static func variable(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The server's address from the environment, or a failure telling how to run the tests.
    public static func endpoint() throws -> Endpoint {
        guard let host = variable("PGHOST"), let port = variable("PGPORT").flatMap(Int.init) else {
            throw NotConfigured()
        }
        return Endpoint(
            host: host,
            port: port,
            user: variable("PGUSER") ?? "postgres",
            database: variable("PGDATABASE") ?? "postgres"
        )
    }

    /// A connection configured only by libpq's PG* environment variables.
    public static func connect() throws -> PostgresConnection {
        _ = try endpoint()
        return try PostgresConnection()
    }

    /// A name no other test (or earlier run) uses, valid unquoted: lower case, digits, underscore.
    public static func uniqueName(_ prefix: String) -> String {
        "\(prefix)_\(UInt64.random(in: 0...UInt64.max).base36)"
    }

    /// Runs `body` with a connection whose search_path is a fresh schema, dropped afterwards, so
    /// tests stay independent when they run in parallel.
    public static func withSchema<Value>(_ body: (PostgresConnection, String) throws -> Value) throws -> Value {
        let connection = try connect()
        let schema = uniqueName("test")
        try connection.execute("CREATE SCHEMA \(PostgresIdentifier.quoted(schema))")
        defer {
            // The body may have lost or closed its connection on purpose: clean up with a new one.
            let cleaner = connection.isConnected ? connection : try? connect()
            _ = try? cleaner?.execute("SET client_min_messages TO warning")
            _ = try? cleaner?.execute("DROP SCHEMA IF EXISTS \(PostgresIdentifier.quoted(schema)) CASCADE")
        }
        // Keep "drop cascades to table …" notices of the cleanup out of the test log.
        try connection.execute("SET client_min_messages TO warning")
        try connection.execute("SET search_path TO \(PostgresIdentifier.quoted(schema))")
        return try body(connection, schema)
    }
}

extension String {
    /// Shorthand for interpolating a quoted identifier into test SQL.
    public var quotedIdentifier: String { PostgresIdentifier.quoted(self) }
}

extension UInt64 {
    fileprivate var base36: String { String(self, radix: 36) }
}
