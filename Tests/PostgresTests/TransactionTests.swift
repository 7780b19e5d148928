import Postgres
import PostgresTestSupport
import Testing

@Suite("Transactions")
struct TransactionTests {
    struct Boom: Error {}

    @Test func thrownErrorRollsBackEverything() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE ledger (entry text)")
            #expect(throws: Boom.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO ledger VALUES ($1)", ["first"])
                    try connection.execute("INSERT INTO ledger VALUES ($1)", ["second"])
                    throw Boom()
                }
            }
            #expect(!connection.isInTransaction)
            #expect(try connection.execute("SELECT count(*) FROM ledger")[0].int(0) == 0)
        }
    }

    @Test func successCommitsAndReturnsTheBodysValue() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE ledger (entry text)")
            let count = try connection.transaction { connection in
                try connection.execute("INSERT INTO ledger VALUES ('a'), ('b')").affectedRows
            }
            #expect(count == 2)
            let other = try TestServer.connect()
            try other.execute("SET search_path TO \(try #require(connection.execute("SELECT current_schema()")[0][0]).quotedIdentifier)")
            #expect(try other.execute("SELECT count(*) FROM ledger")[0].int(0) == 2)
        }
    }

    @Test func failedStatementInsideRollsBackAndRethrowsTheServerError() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE ledger (entry text NOT NULL)")
            let error = try #require(throws: PostgresError.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO ledger VALUES ('kept?')")
                    try connection.execute("INSERT INTO ledger VALUES ($1)", [nil])
                }
            }
            #expect(error.sqlState == "23502")
            #expect(try connection.execute("SELECT count(*) FROM ledger")[0].int(0) == 0)
        }
    }

    @Test func swallowedErrorMakesCommitThrowTransactionAborted() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE ledger (entry text NOT NULL)")
            let error = try #require(throws: PostgresError.self) {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO ledger VALUES ('lost')")
                    _ = try? connection.execute("INSERT INTO ledger VALUES (NULL)")
                }
            }
            #expect(error.kind == .transactionAborted)
            #expect(!connection.isInTransaction)
            #expect(try connection.execute("SELECT count(*) FROM ledger")[0].int(0) == 0)
        }
    }

    @Test func explicitBeginAndRollback() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE ledger (entry text)")
            try connection.begin()
            #expect(connection.isInTransaction)
            try connection.execute("INSERT INTO ledger VALUES ('temporary')")
            try connection.rollback()
            #expect(!connection.isInTransaction)
            #expect(try connection.execute("SELECT count(*) FROM ledger")[0].int(0) == 0)
            try connection.begin()
            let nested = try #require(throws: PostgresError.self) { try connection.transaction { _ in } }
            #expect(nested.kind == .misuse)
            try connection.commit()
        }
    }
}
