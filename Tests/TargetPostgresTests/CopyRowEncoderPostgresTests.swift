import Foundation
import Postgres
import Singer
import Testing

@testable import TargetPostgres

/// Rows the encoder writes, loaded by a real PostgreSQL and read back as text: the proof that
/// what the unit tests pin byte for byte is what PostgreSQL understands.
@Suite struct CopyRowEncoderPostgresTests {
    static let columns: [CopyColumn] = [
        CopyColumn(propertyName: "id", type: .bigint),
        CopyColumn(propertyName: "t", type: .text),
        CopyColumn(propertyName: "n", type: .numeric),
        CopyColumn(propertyName: "b", type: .boolean),
        CopyColumn(propertyName: "d", type: .date),
        CopyColumn(propertyName: "tm", type: .time),
        CopyColumn(propertyName: "ts", type: .timestamptz),
        CopyColumn(propertyName: "j", type: .jsonb),
    ]

    static let records = [
        #"{"id":1,"t":"","n":12345678901234.99,"b":true,"d":"2024-02-29","tm":"03:04:05.123456","ts":"2024-01-02T03:04:05.000+0000","j":{"a":"x\ny","n":1.50}}"#,
        #"{"id":2.0,"t":null,"n":"123456789012345678901234567890.000000001","b":false,"ts":"2024-01-02T03:04:05-05:30","j":"text"}"#,
        #"{"id":3e0,"t":"line1\nline2\ttab\\back\rCR","n":NaN,"ts":"2024-01-02T03:04:05.5Z","j":[1,"\\",null]}"#,
        #"{"id":4,"t":"NULL","n":Infinity,"j":{"nul":"a\u0000b"}}"#,
        #"{"id":5,"t":"\\N","n":-Infinity,"j":null}"#,
        #"{"id":9223372036854775807,"t":"é漢😀 \u00e9\ud83d\ude00 a\u0000b","n":1e3}"#,
    ]

    @Test func postgresReadsBackExactlyWhatTheRecordsHeld() throws {
        try ScratchDatabase.withSchema { connection in
            try connection.execute(
                "CREATE TABLE loaded (id bigint, t text, n numeric, b boolean, d date, tm time, ts timestamptz, j jsonb)")
            let encoder = CopyRowEncoder(columns: Self.columns, nulPolicy: .replace("\u{FFFD}"))
            var parser = JSONParser(options: .init(allowsNonFiniteNumbers: true))
            var rows: [UInt8] = []
            for record in Self.records {
                try Array(record.utf8).withUnsafeBytes { bytes in
                    try parser.withDocument(bytes) { try encoder.encode($0, into: &rows) }
                }
            }
            let stored = try connection.copyIn("COPY loaded (id, t, n, b, d, tm, ts, j) FROM STDIN") { try $0.write(rows) }
            #expect(stored == Self.records.count)

            let result = try connection.execute(
                """
                SELECT id::text, t, t IS NULL AS t_null, n::text, b::text, d::text, tm::text,
                       to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS ts_utc, j::text
                FROM loaded ORDER BY id
                """)
            let read = result.map { row in Dictionary(uniqueKeysWithValues: row.columns.map { ($0, row[$0]) }) }
            try #require(read.count == 6)

            #expect(read.map { $0["id"]! } == ["1", "2", "3", "4", "5", "9223372036854775807"])
            #expect(read[0]["t"]! == "" && read[0]["t_null"]! == "f")
            #expect(read[1]["t"]! == nil && read[1]["t_null"]! == "t")
            #expect(read[2]["t"]! == "line1\nline2\ttab\\back\rCR")
            #expect(read[3]["t"]! == "NULL")
            #expect(read[4]["t"]! == "\\N")
            #expect(read[5]["t"]! == "é漢😀 é😀 a\u{FFFD}b")

            #expect(read.map { $0["n"]! } == [
                "12345678901234.99", "123456789012345678901234567890.000000001", "NaN", "Infinity", "-Infinity", "1000",
            ])
            #expect(read.map { $0["b"]! } == ["true", "false", nil, nil, nil, nil])
            #expect(read[0]["d"]! == "2024-02-29" && read[0]["tm"]! == "03:04:05.123456")
            // Offsets are kept: each value is the instant it was written as.
            #expect(read.prefix(3).map { $0["ts_utc"]! } == [
                "2024-01-02T03:04:05.000000", "2024-01-02T08:34:05.000000", "2024-01-02T03:04:05.500000",
            ])
            #expect(read.map { $0["j"]! } == [
                #"{"a": "x\ny", "n": 1.50}"#, #""text""#, #"[1, "\\", null]"#, #"{"nul": "a�b"}"#, nil, nil,
            ])
        }
    }

    @Test func aBigintTooSmallForTheValueLoadsOnceWidenedToNumeric() throws {
        try ScratchDatabase.withSchema { connection in
            try connection.execute("CREATE TABLE counts (v bigint)")
            let record = try CopyRowEncoderTesting.object(#"{"v":92233720368547758070}"#)
            var row: [UInt8] = []
            let narrow = CopyRowEncoder(columns: [CopyColumn(propertyName: "v", type: .bigint)])
            #expect(throws: CopyEncodingError(
                propertyName: "v", columnType: .bigint, excerpt: "92233720368547758070", reason: .needsWidening(column: .numeric)
            )) { try narrow.encode(record, into: &row) }

            try connection.execute("ALTER TABLE counts ALTER COLUMN v TYPE numeric")
            try CopyRowEncoder(columns: [CopyColumn(propertyName: "v", type: .numeric)]).encode(record, into: &row)
            try connection.copyIn("COPY counts (v) FROM STDIN") { try $0.write(row) }
            #expect(try connection.execute("SELECT v::text FROM counts")[0][0] == "92233720368547758070")
        }
    }
}

/// A fresh schema on the throwaway server `scripts/test` starts (PGHOST, PGPORT), dropped after.
/// Stands in for the shared `PostgresTestSupport.TestServer` until this branch merges it.
private enum ScratchDatabase {
    struct NotConfigured: Error, CustomStringConvertible {
        var description: String {
            "PGHOST and PGPORT are not set, so there is no PostgreSQL to test against. "
                + "Run these tests through `scripts/test --filter TargetPostgresTests`, which starts a throwaway server."
        }
    }

    static func withSchema(_ body: (PostgresConnection) throws -> Void) throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment["PGHOST"]?.isEmpty == false, environment["PGPORT"]?.isEmpty == false else { throw NotConfigured() }
        let connection = try PostgresConnection()
        let schema = PostgresIdentifier.quoted("copy_\(UInt64.random(in: 0...UInt64.max))")
        try connection.execute("SET client_min_messages TO warning")
        try connection.execute("CREATE SCHEMA \(schema)")
        defer { _ = try? connection.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
        try connection.execute("SET search_path TO \(schema)")
        try body(connection)
    }
}
