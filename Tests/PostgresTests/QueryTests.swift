import Postgres
import PostgresTestSupport
import Testing

@Suite("Queries")
struct QueryTests {
    @Test func parametersRoundTripNullUnicodeQuotesAndNewlines() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE notes (id int PRIMARY KEY, body text, extra text)")
            let tricky = "Zoë's \"quoted\" text;\n-- not a comment\r\n\ttab \\ backslash 🚀 漢字 $1"
            let inserted = try connection.execute(
                "INSERT INTO notes (id, body, extra) VALUES ($1, $2, $3), ($4, $5, $6)",
                [1, tricky, nil, 2, "", "x"]
            )
            #expect(inserted.command == "INSERT 0 2")
            #expect(inserted.affectedRows == 2)

            let rows = try connection.execute("SELECT id, body, extra FROM notes ORDER BY id")
            #expect(rows.columns == ["id", "body", "extra"])
            #expect(rows.count == 2)
            #expect(try rows[0].int("id") == 1)
            #expect(rows[0]["body"] == tricky)
            #expect(rows[0]["extra"] == nil)
            #expect(rows[1]["body"] == "")
            #expect(rows[1]["extra"] == "x")

            let echoed = try connection.execute("SELECT $1::text IS NULL, $2::text", [nil, tricky])[0]
            #expect(try echoed.bool(0) == true)
            #expect(echoed[1] == tricky)
        }
    }

    @Test func typedHelpersReadIntegersBooleansDoublesAndNulls() throws {
        let connection = try TestServer.connect()
        let row = try connection.execute(
            "SELECT $1::int8 AS big, $2::bool AS yes, $3::float8 AS ratio, NULL::int AS nothing, 'x' AS text",
            [Int64.max, false, -2.5]
        )[0]
        #expect(try row.int("big") == Int(Int64.max))
        #expect(try row.bool("yes") == false)
        #expect(try row.double("ratio") == -2.5)
        #expect(try row.int("nothing") == nil)
        let notANumber = try #require(throws: PostgresError.self) { try row.int("text") }
        #expect(notANumber.kind == .unexpectedValue)
        #expect(notANumber.message.contains("\"text\""))
        let missing = try #require(throws: PostgresError.self) { try row.int("absent") }
        #expect(missing.kind == .misuse)
    }

    @Test func commandStatusAndAffectedRowsForUpdatesAndDeletes() throws {
        try TestServer.withSchema { connection, _ in
            try connection.executeScript("""
                CREATE TABLE counters (id int PRIMARY KEY, hits int NOT NULL DEFAULT 0);
                INSERT INTO counters (id) SELECT generate_series(1, 10);
                """)
            let updated = try connection.execute("UPDATE counters SET hits = hits + 1 WHERE id <= $1", [4])
            #expect(updated.command == "UPDATE 4")
            #expect(updated.affectedRows == 4)
            let deleted = try connection.execute("DELETE FROM counters WHERE hits = 0")
            #expect(deleted.affectedRows == 6)
            let created = try connection.execute("CREATE INDEX ON counters (hits)")
            #expect(created.command == "CREATE INDEX")
            #expect(created.affectedRows == nil)
        }
    }

    @Test func serverErrorsCarrySQLStateDetailConstraintAndStatement() throws {
        try TestServer.withSchema { connection, schema in
            try connection.execute("CREATE TABLE accounts (id int CONSTRAINT accounts_pk PRIMARY KEY)")
            try connection.execute("INSERT INTO accounts VALUES ($1)", [7])
            let error = try #require(throws: PostgresError.self) {
                try connection.execute("INSERT INTO accounts VALUES ($1)", [7])
            }
            #expect(error.kind == .server)
            #expect(error.sqlState == "23505")
            #expect(error.constraint == "accounts_pk")
            #expect(error.schema == schema)
            #expect(error.table == "accounts")
            #expect(error.detail == "Key (id)=(7) already exists.")
            #expect(error.statement == "INSERT INTO accounts VALUES ($1)")
            #expect(error.description.contains("23505"))
            // The session stays usable after a statement error.
            #expect(try connection.execute("SELECT count(*) FROM accounts")[0].int(0) == 1)
        }
    }

    @Test func syntaxErrorsPointAtTheirPosition() throws {
        let connection = try TestServer.connect()
        let error = try #require(throws: PostgresError.self) { try connection.execute("SELECT * FROMM nowhere") }
        #expect(error.sqlState == "42601")
        #expect(error.position == 10)
    }

    @Test func nulBytesAreRejectedBeforeTheyCanTruncateSQL() throws {
        let connection = try TestServer.connect()
        let inSQL = try #require(throws: PostgresError.self) { try connection.execute("SELECT 1\0; DROP TABLE x") }
        #expect(inSQL.kind == .invalidInput)
        let inParameter = try #require(throws: PostgresError.self) { try connection.execute("SELECT $1::text", ["a\0b"]) }
        #expect(inParameter.kind == .invalidInput)
        #expect(inParameter.message.contains("$1"))
    }

    @Test func copyThroughExecuteIsRefusedAndLeavesSessionUsable() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE t (x int)")
            let error = try #require(throws: PostgresError.self) { try connection.execute("COPY t FROM STDIN") }
            #expect(error.kind == .misuse)
            #expect(try connection.execute("SELECT 41 + 1")[0].int(0) == 42)
        }
    }

    @Test func copyOutThroughExecuteOrCopyInIsRefusedAndLeavesSessionUsable() throws {
        try TestServer.withSchema { connection, _ in
            let rows = "COPY (SELECT generate_series(1, 5000)) TO STDOUT"
            let viaExecute = try #require(throws: PostgresError.self) { try connection.execute(rows) }
            #expect(viaExecute.kind == .misuse)
            #expect(try connection.execute("SELECT 41 + 1")[0].int(0) == 42)
            let viaCopyIn = try #require(throws: PostgresError.self) { try connection.copyIn(rows) { _ in } }
            #expect(viaCopyIn.kind == .misuse)
            #expect(try connection.execute("SELECT 41 + 1")[0].int(0) == 42)
        }
    }
}
