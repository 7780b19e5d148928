import Postgres
import PostgresTestSupport
import Testing

@Suite("Quoting")
struct QuotingTests {
    @Test func identifierQuotingDoublesQuotes() {
        #expect(PostgresIdentifier.quoted("My \"Col\"") == #""My ""Col""""#)
        #expect(PostgresIdentifier.quoted("plain") == #""plain""#)
        #expect(PostgresIdentifier.qualified(schema: "raw", name: "Account") == #""raw"."Account""#)
        // A quote carrying a combining accent is one Character but still a quote byte for the server.
        #expect(PostgresIdentifier.quoted("a\"\u{301}b") == "\"a\"\"\u{301}b\"")
    }

    @Test func quotedIdentifiersKeepQuotesCaseAndSpacesOnTheServer() throws {
        try TestServer.withSchema { connection, schema in
            let table = "My \"Table\""
            let columns = ["Id", "id", "with space", "quote\"inside", "Zoë"]
            let definitions = columns.map { "\(PostgresIdentifier.quoted($0)) text" }.joined(separator: ", ")
            try connection.execute("CREATE TABLE \(PostgresIdentifier.quoted(table)) (\(definitions))")
            let stored = try connection.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 ORDER BY attnum",
                [PostgresIdentifier.qualified(schema: schema, name: table)]
            )
            #expect(stored.map { $0[0] } == columns)
            try connection.execute("INSERT INTO \(PostgresIdentifier.quoted(table)) (\"Id\", \"id\") VALUES ('upper', 'lower')")
            let row = try connection.execute("SELECT \"Id\", \"id\" FROM \(PostgresIdentifier.quoted(table))")[0]
            #expect(row.values == ["upper", "lower"])
        }
    }

    @Test func namesUpTo63BytesAreKeptAndLongerOnesTruncatedLikeTheServer() throws {
        try TestServer.withSchema { connection, _ in
            let ascii63 = String(repeating: "a", count: 62) + "Z"
            let multibyte63 = String(repeating: "é", count: 31) + "x"  // 31 × 2 + 1 bytes
            let tooLong = String(repeating: "ö", count: 40)  // 80 bytes: clipped to 31 whole "ö"
            #expect(PostgresIdentifier(ascii63).fitsWithoutTruncation)
            #expect(PostgresIdentifier(multibyte63).fitsWithoutTruncation)
            #expect(!PostgresIdentifier(tooLong).fitsWithoutTruncation)
            #expect(PostgresIdentifier(tooLong).truncated.name == String(repeating: "ö", count: 31))

            for name in [ascii63, multibyte63, tooLong] {
                try connection.execute("CREATE TABLE \(PostgresIdentifier.quoted(name)) (v int)")
                let stored = try connection.execute(
                    "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relname LIKE $1",
                    [String(name.prefix(3)) + "%"]
                )
                #expect(stored.count == 1)
                #expect(stored.first?[0] == PostgresIdentifier(name).truncated.name)
            }
        }
    }

    @Test func literalQuotingRoundTripsThroughTheServer() throws {
        let connection = try TestServer.connect()
        for text in ["it's", #"C:\temp\new"#, "", "''", #"\'"#, "e\u{301}'\u{301}", "line\nbreak"] {
            let literal = PostgresLiteral.quoted(text)
            #expect(try connection.execute("SELECT \(literal)")[0][0] == text, "\(literal)")
        }
        #expect(PostgresLiteral.quoted("it's") == "'it''s'")
        #expect(PostgresLiteral.quoted(#"a\b"#) == #" E'a\\b'"#)
    }
}
