import Foundation
import Postgres
import PostgresTestSupport
import Singer
import Testing

@testable import TargetPostgres

/// Loading behaviour against the real server: upserts, dedupe, exact values, state release.
@Suite struct TargetLoadingTests {
    static let accounts = Lines.schema("Account", #"{"id":{"type":"integer"},"name":{"type":["null","string"]},"amount":{"type":["null","number"]},"closed_at":{"type":["null","string"],"format":"date-time"}}"#)

    @Test func recordsAreUpsertedAndTheStateFollowsTheCommit() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Self.accounts,
            Lines.record("Account", #"{"id":1,"name":"Acme","amount":12345678901234.99}"#),
            Lines.record("Account", #"{"id":2,"name":"Globex","amount":1.10}"#),
            Lines.state(#"{"bookmarks":{"Account":{"updated":"2024-01-01"}}}"#),
            Lines.record("Account", #"{"id":1,"name":"Acme Corp","amount":5}"#),
        ])
        #expect(run.error == nil)
        #expect(run.states == [#"{"bookmarks":{"Account":{"updated":"2024-01-01"}}}"#])
        #expect(try fixture.rows("account", columns: ["id", "name", "amount"], orderBy: "id") == [
            ["1", "Acme Corp", "5"], ["2", "Globex", "1.10"],
        ])
    }

    @Test func duplicatesInOneBatchCollapseToTheLast() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let run = try fixture.run([Self.accounts] + (1...5).map { Lines.record("Account", #"{"id":7,"name":"v\#($0)"}"#) })
        #expect(run.error == nil)
        #expect(try fixture.rows("account", columns: ["id", "name"], orderBy: "id") == [["7", "v5"]])
    }

    /// A first load goes straight into the table until a batch meets a key an earlier batch
    /// loaded: that batch is taken back and replayed through staging as an upsert.
    @Test func aKeyFromAnEarlierBatchOfTheRunIsUpdatedNotDuplicated() throws {
        let fixture = try TargetFixture { $0.batchSizeRows = 3 }
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Self.accounts,
            Lines.record("Account", #"{"id":1,"name":"a"}"#),
            Lines.record("Account", #"{"id":2,"name":"b"}"#),
            Lines.record("Account", #"{"id":3,"name":"c"}"#),
            Lines.record("Account", #"{"id":4,"name":"d"}"#),
            Lines.record("Account", #"{"id":2,"name":"b2"}"#),
            Lines.record("Account", #"{"id":5,"name":"e"}"#),
            Lines.record("Account", #"{"id":6,"name":"f"}"#),
            Lines.record("Account", #"{"id":3,"name":"c2"}"#),
        ])
        #expect(run.error == nil)
        #expect(try fixture.rows("account", columns: ["id", "name"], orderBy: "id") == [
            ["1", "a"], ["2", "b2"], ["3", "c2"], ["4", "d"], ["5", "e"], ["6", "f"],
        ])
    }

    @Test func loadingTheSameInputTwiceGivesTheSameTable() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let lines = [Self.accounts] + (1...50).map { Lines.record("Account", #"{"id":\#($0),"name":"n\#($0)"}"#) }
        _ = try fixture.run(lines)
        let first = try fixture.rows("account", columns: ["id", "name"], orderBy: "id")
        _ = try fixture.run(lines)
        #expect(try fixture.rows("account", columns: ["id", "name"], orderBy: "id") == first)
        #expect(first.count == 50)
    }

    @Test func textSurvivesByteForByteAndEmptyIsNotNull() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Self.accounts,
            Lines.record("Account", #"{"id":1,"name":""}"#),
            Lines.record("Account", #"{"id":2,"name":null}"#),
            Lines.record("Account", #"{"id":3,"name":"line\nbreak\ttab \\ backslash"}"#),
            Lines.record("Account", #"{"id":4,"name":"NULL"}"#),
            Lines.record("Account", #"{"id":5,"name":"\\N"}"#),
            Lines.record("Account", #"{"id":6,"name":"Zoë 𝄞 “quotes”"}"#),
        ])
        #expect(run.error == nil)
        #expect(try fixture.rows("account", columns: ["id", "name"], orderBy: "id") == [
            ["1", ""], ["2", nil], ["3", "line\nbreak\ttab \\ backslash"], ["4", "NULL"], ["5", "\\N"], ["6", "Zoë 𝄞 “quotes”"],
        ])
    }

    @Test func timestampsKeepTheirInstantAndNumbersTheirDigits() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        _ = try fixture.run([
            Self.accounts,
            Lines.record("Account", #"{"id":1,"amount":0.1,"closed_at":"2024-01-02T03:04:05.000+0000"}"#),
            Lines.record("Account", #"{"id":2,"amount":-0.000000000000000001,"closed_at":"2024-01-02T03:04:05-05:30"}"#),
        ])
        let instants = try fixture.connection.execute(
            "SELECT id::text, amount::text, extract(epoch FROM closed_at)::bigint::text FROM \(PostgresIdentifier.qualified(schema: fixture.schema, name: "account")) ORDER BY id")
        #expect(instants.map { [$0[0], $0[1], $0[2]] } == [
            ["1", "0.1", "1704164645"], ["2", "-0.000000000000000001", "1704184445"],
        ])
    }

    @Test func aStateWaitsForItsRecordsAndNothingAfterAFailureIsReleased() throws {
        let fixture = try TargetFixture { $0.batchSizeRows = 2 }
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Self.accounts,
            Lines.record("Account", #"{"id":1}"#),
            Lines.state(#"{"n":1}"#),
            Lines.record("Account", #"{"id":2}"#),  // the batch fills: both rows commit, state n=1 goes out
            Lines.record("Account", #"{"id":3}"#),
            Lines.state(#"{"n":3}"#),
            Lines.record("Account", #"{"id":"four"}"#),  // fails validation: id 3 never commits
        ])
        #expect(run.states == [#"{"n":1}"#])
        #expect("\(run.error.map { "\($0)" } ?? "")".contains("line 7 (stream \"Account\"): record.id: expected integer"))
        #expect(try fixture.rows("account", columns: ["id"], orderBy: "id") == [["1"], ["2"]])
    }

    @Test func aRecordBeforeItsSchemaIsAnErrorNamingTheLine() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let run = try fixture.run([Lines.record("Account", #"{"id":1}"#)])
        #expect("\(run.error.map { "\($0)" } ?? "")" == #"line 1 (stream "Account"): RECORD before any SCHEMA for this stream"#)
        #expect(run.states.isEmpty)
    }

    @Test func streamsWithoutKeysAppend() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let events = Lines.schema("Event", #"{"kind":{"type":"string"}}"#, keys: [])
        _ = try fixture.run([events, Lines.record("Event", #"{"kind":"open"}"#), Lines.record("Event", #"{"kind":"open"}"#)])
        _ = try fixture.run([events, Lines.record("Event", #"{"kind":"open"}"#)])
        #expect(try fixture.rows("event", columns: ["kind"], orderBy: "kind").count == 3)
    }
}

@Suite struct TargetMetadataTests {
    @Test func recordMetadataFillsTheSDCColumns() throws {
        let fixture = try TargetFixture { $0.addRecordMetadata = true }
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Lines.schema("Account", #"{"id":{"type":"integer"}}"#),
            #"{"type":"RECORD","stream":"Account","record":{"id":1},"time_extracted":"2024-01-02T03:04:05.000000Z","version":7}"#,
            #"{"type":"RECORD","stream":"Account","record":{"id":2},"time_extracted":"2024-01-02T03:04:06+00:00","version":7}"#,
        ])
        #expect(run.error == nil)
        let rows = try fixture.connection.execute("""
            SELECT id, extract(epoch FROM _sdc_extracted_at)::bigint, _sdc_table_version, _sdc_deleted_at IS NULL,
                   _sdc_received_at IS NOT NULL AND _sdc_batched_at IS NOT NULL, _sdc_sequence
            FROM \(PostgresIdentifier.qualified(schema: fixture.schema, name: "account")) ORDER BY id
            """)
        #expect(rows.map { [$0[0], $0[1], $0[2], $0[3], $0[4]] } == [
            ["1", "1704164645", "7", "t", "t"], ["2", "1704164646", "7", "t", "t"],
        ])
        let sequences = rows.compactMap { $0[5].flatMap(Int.init) }
        #expect(sequences.count == 2 && sequences[0] < sequences[1])
    }

    @Test func aRecordWithoutItsKeyIsAnErrorNamingLineAndField() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Lines.schema("Account", #"{"id":{"type":["null","integer"]},"name":{"type":"string"}}"#),
            Lines.record("Account", #"{"name":"no id"}"#),
        ])
        #expect("\(run.error.map { "\($0)" } ?? "")" == #"line 2 (stream "Account"): record.id: key property is missing or null"#)
        #expect(run.states.isEmpty)
    }

    @Test func malformedJSONIsAnErrorNamingTheLine() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let run = try fixture.run([Lines.schema("Account", #"{"id":{"type":"integer"}}"#), #"{"type":"RECORD","stream":"Account","record":{"id":1"#])
        #expect("\(run.error.map { "\($0)" } ?? "")".hasPrefix("line 2: invalid JSON at byte"))
    }
}

@Suite struct TargetRepeatedSchemaTests {
    /// Had the repeated SCHEMA committed the batch, row 1 and state n=1 would survive the
    /// failure that follows; with the batch still open, neither does.
    @Test func anUnchangedSchemaRepeatedBetweenRecordsKeepsTheBatchOpen() throws {
        let fixture = try TargetFixture { $0.batchSizeRows = 1_000 }
        defer { fixture.dropSchema() }
        let schema = Lines.schema("Account", #"{"id":{"type":"integer"}}"#)
        let run = try fixture.run([
            schema, Lines.record("Account", #"{"id":1}"#), Lines.state(#"{"n":1}"#),
            schema, Lines.record("Account", #"{"id":"two"}"#),
        ])
        #expect(run.error != nil)
        #expect(run.states.isEmpty)
        #expect(try fixture.rows("account", columns: ["id"], orderBy: "id").isEmpty)
    }
}
