import Foundation
import Postgres
import PostgresTestSupport
import Singer
import Testing

@testable import TargetPostgres

/// Inputs that once loaded wrong or failed far from their cause.
@Suite struct TargetReviewedEdgeTests {
    private func message(_ run: TargetFixture.Run) -> String { run.error.map { "\($0)" } ?? "" }

    @Test func aTimeExtractedThatIsNoDateTimeIsRejectedNotWrittenIntoTheRow() throws {
        let fixture = try TargetFixture { $0.addRecordMetadata = true }
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Lines.schema("Account", #"{"id":{"type":"integer"}}"#),
            #"{"type":"RECORD","stream":"Account","record":{"id":1},"time_extracted":"2024-01-01T00:00:00Z\t\\N\n666"}"#,
        ])
        #expect(message(run).hasPrefix(#"line 2 (stream "Account"): time_extracted: "#))
        #expect(try fixture.rows("account", columns: ["id"], orderBy: "id").isEmpty)
    }

    @Test func numericKeysSpelledTwoWaysAreOneKey() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Lines.schema("Rate", #"{"id":{"type":"number"},"value":{"type":"string"}}"#),
            Lines.record("Rate", #"{"id":1,"value":"first"}"#),
            Lines.record("Rate", #"{"id":1.0,"value":"second"}"#),
        ])
        #expect(run.error == nil)
        #expect(try fixture.rows("rate", columns: ["value"], orderBy: "id") == [["second"]])
    }

    @Test func streamsWhoseNamesMeetGetTheirOwnTables() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Lines.schema("Acc", #"{"id":{"type":"integer"}}"#),
            Lines.schema("acc", #"{"id":{"type":"string"}}"#),
            Lines.record("Acc", #"{"id":1}"#),
            Lines.record("acc", #"{"id":"x"}"#),
        ])
        #expect(run.error == nil)
        let tables = try fixture.connection.execute(
            "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY 1",
            [fixture.schema])
        #expect(tables.count == 2)
        #expect(Set(tables.compactMap { $0[1] }) == ["singer:Acc", "singer:acc"])
        // A later run finds each stream's table again through the comments.
        let again = try fixture.run([Lines.schema("acc", #"{"id":{"type":"string"}}"#), Lines.record("acc", #"{"id":"y"}"#)])
        #expect(again.error == nil)
        let renamed = try #require(tables.first { $0[1] == "singer:acc" }?[0])
        #expect(try fixture.rows(renamed, columns: ["id"], orderBy: "id") == [["x"], ["y"]])
    }

    @Test func aNullKeyIsNamedAtItsLine() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Lines.schema("Account", #"{"id":{"type":["null","integer"]}}"#),
            Lines.record("Account", #"{"id":1}"#),
            Lines.record("Account", #"{"id":null}"#),
        ])
        #expect(message(run) == #"line 3 (stream "Account"): record.id: key property is missing or null"#)
    }

    @Test func aSchemaWithoutPropertiesIsAClearError() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let run = try fixture.run([#"{"type":"SCHEMA","stream":"Blob","schema":{"type":"object"},"key_properties":[]}"#])
        #expect(message(run).contains(#"stream "Blob": cannot load its SCHEMA: it declares no properties"#))
    }

    @Test func flatteningIntoAnExistingNameIsAClearError() throws {
        let fixture = try TargetFixture { $0.flatteningMaxDepth = 1 }
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Lines.schema("Contact", #"{"id":{"type":"integer"},"a__b":{"type":"string"},"a":{"type":"object","properties":{"b":{"type":"string"}}}}"#),
        ])
        #expect(message(run).contains("flattening gives two properties the name a__b"))
    }

    @Test func aFailedKeyMoveAlsoTakesBackTheColumnsAddedWithIt() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        _ = try fixture.run([
            Lines.schema("Quota", #"{"id":{"type":"integer"},"region":{"type":"string"}}"#),
            Lines.record("Quota", #"{"id":1,"region":"EU"}"#),
            Lines.record("Quota", #"{"id":2,"region":"EU"}"#),
        ])
        let run = try fixture.run([Lines.schema("Quota", #"{"id":{"type":"integer"},"region":{"type":"string"},"extra":{"type":"string"}}"#, keys: ["region"])])
        #expect(run.error != nil)
        let columns = try fixture.connection.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
            [PostgresIdentifier.qualified(schema: fixture.schema, name: "quota")])
        #expect(columns.map { $0[0] } == ["id", "region"])
    }
}

@Suite struct TargetLoadMethodTests {
    @Test func overwriteEmptiesTheTableOncePerRun() throws {
        let fixture = try TargetFixture { $0.loadMethod = .overwrite; $0.batchSizeRows = 2 }
        defer { fixture.dropSchema() }
        let schema = Lines.schema("Plan", #"{"id":{"type":"integer"}}"#)
        _ = try fixture.run([schema] + (1...3).map { Lines.record("Plan", #"{"id":\#($0)}"#) })
        // Three batches in the second run; only the first empties the table.
        _ = try fixture.run([schema] + (10...15).map { Lines.record("Plan", #"{"id":\#($0)}"#) })
        #expect(try fixture.rows("plan", columns: ["id"], orderBy: "id") == (10...15).map { [String($0)] })
    }

    @Test func interleavedStreamsCommitTogetherAndTheStateFollows() throws {
        let fixture = try TargetFixture { $0.batchSizeRows = 3 }
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Lines.schema("A", #"{"id":{"type":"integer"}}"#),
            Lines.schema("B", #"{"id":{"type":"integer"}}"#),
            Lines.record("A", #"{"id":1}"#), Lines.record("B", #"{"id":1}"#),
            Lines.state(#"{"at":"both one"}"#),
            Lines.state(#"{"at":"both one"}"#),  // identical: written once
            Lines.record("A", #"{"id":2}"#), Lines.record("A", #"{"id":3}"#),  // A fills: A and B commit
            Lines.record("B", #"{"id":"bad"}"#),
        ])
        #expect(run.states == [#"{"at":"both one"}"#])
        #expect(try fixture.rows("a", columns: ["id"], orderBy: "id") == [["1"], ["2"], ["3"]])
        #expect(try fixture.rows("b", columns: ["id"], orderBy: "id") == [["1"]])
    }

    @Test func nulCharactersFailByDefaultAndAreStrippedWhenAsked() throws {
        let schema = Lines.schema("Note", #"{"id":{"type":"integer"},"body":{"type":"string"}}"#)
        let record = Lines.record("Note", #"{"id":1,"body":"a\u0000b"}"#)
        let strict = try TargetFixture()
        defer { strict.dropSchema() }
        let failed = try strict.run([schema, record])
        #expect("\(failed.error.map { "\($0)" } ?? "")".hasPrefix(#"line 2 (stream "Note"): body: "#))
        let lenient = try TargetFixture { $0.nulCharacters = .strip }
        defer { lenient.dropSchema() }
        #expect(try lenient.run([schema, record]).error == nil)
        #expect(try lenient.rows("note", columns: ["body"], orderBy: "id") == [["ab"]])
    }
}
