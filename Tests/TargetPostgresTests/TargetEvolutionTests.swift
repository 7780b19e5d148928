import Foundation
import Postgres
import PostgresTestSupport
import Singer
import Testing

@testable import TargetPostgres

/// Schema changes, table versions and resuming after a failure.
@Suite struct TargetEvolutionTests {
    @Test func newPropertiesBecomeColumnsAndTypesWiden() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        _ = try fixture.run([
            Lines.schema("Deal", #"{"id":{"type":"integer"},"size":{"type":"integer"}}"#),
            Lines.record("Deal", #"{"id":1,"size":10}"#),
        ])
        let run = try fixture.run([
            Lines.schema("Deal", #"{"id":{"type":"integer"},"size":{"type":"number"},"stage":{"type":"string"}}"#),
            Lines.record("Deal", #"{"id":2,"size":2.5,"stage":"won"}"#),
        ])
        #expect(run.error == nil)
        #expect(try fixture.rows("deal", columns: ["id", "size", "stage"], orderBy: "id") == [["1", "10", nil], ["2", "2.5", "won"]])
        let type = try fixture.connection.execute(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = to_regclass($1) AND attname = 'size'",
            [PostgresIdentifier.qualified(schema: fixture.schema, name: "deal")])
        #expect(type[0][0] == "numeric")
    }

    @Test func anIntegerPastBigintWidensTheColumnInsteadOfFailing() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Lines.schema("Ledger", #"{"id":{"type":"integer"},"cents":{"type":"integer"}}"#),
            Lines.record("Ledger", #"{"id":1,"cents":42}"#),
            Lines.record("Ledger", #"{"id":2,"cents":123456789012345678901234567890}"#),
        ])
        #expect(run.error == nil)
        #expect(try fixture.rows("ledger", columns: ["id", "cents"], orderBy: "id") == [["1", "42"], ["2", "123456789012345678901234567890"]])
    }

    @Test func aFractionForAnIntegerColumnIsRejectedNeverRounded() throws {
        let fixture = try TargetFixture { $0.validateRecords = false }
        defer { fixture.dropSchema() }
        let run = try fixture.run([
            Lines.schema("Ledger", #"{"id":{"type":"integer"},"cents":{"type":"integer"}}"#),
            Lines.record("Ledger", #"{"id":1,"cents":1.75}"#),
        ])
        #expect("\(run.error.map { "\($0)" } ?? "")".contains("line 2 (stream \"Ledger\"): cents: 1.75 does not fit column type bigint"))
    }

    @Test func activateVersionSoftDeletesOlderRowsOnly() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let schema = Lines.schema("Plan", #"{"id":{"type":"integer"}}"#)
        _ = try fixture.run([schema] + (1...3).map { Lines.record("Plan", #"{"id":\#($0)}"#, version: 100) } + [Lines.activate("Plan", version: 100)])
        let run = try fixture.run([schema] + (2...3).map { Lines.record("Plan", #"{"id":\#($0)}"#, version: 200) } + [Lines.activate("Plan", version: 200)])
        #expect(run.error == nil)
        #expect(try fixture.rows("plan", columns: ["id", "_sdc_table_version", "_sdc_deleted_at"], orderBy: "id").map { [$0[0], $0[1], $0[2] == nil ? "live" : "deleted"] } == [
            ["1", "100", "deleted"], ["2", "200", "live"], ["3", "200", "live"],
        ])
    }

    @Test func hardDeleteRemovesOlderRows() throws {
        let fixture = try TargetFixture { $0.hardDelete = true }
        defer { fixture.dropSchema() }
        let schema = Lines.schema("Plan", #"{"id":{"type":"integer"}}"#)
        _ = try fixture.run([schema] + (1...3).map { Lines.record("Plan", #"{"id":\#($0)}"#, version: 1) })
        _ = try fixture.run([schema, Lines.record("Plan", #"{"id":3}"#, version: 2), Lines.activate("Plan", version: 2)])
        #expect(try fixture.rows("plan", columns: ["id"], orderBy: "id") == [["3"]])
    }

    @Test func changedKeyPropertiesMoveThePrimaryKey() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let properties = #"{"id":{"type":"integer"},"region":{"type":"string"}}"#
        _ = try fixture.run([Lines.schema("Quota", properties), Lines.record("Quota", #"{"id":1,"region":"EU"}"#)])
        let run = try fixture.run([
            Lines.schema("Quota", properties, keys: ["id", "region"]),
            Lines.record("Quota", #"{"id":1,"region":"US"}"#),
        ])
        #expect(run.error == nil)
        #expect(try fixture.rows("quota", columns: ["id", "region"], orderBy: "region") == [["1", "EU"], ["1", "US"]])
    }

    /// The target fails mid-stream; the tap resumes from the last state the target emitted;
    /// the tables equal those of a run that never failed.
    @Test func resumingFromTheLastEmittedStateGivesTheCleanRunsTables() throws {
        let schema = Lines.schema("Opportunity", #"{"id":{"type":"integer"},"stage":{"type":"string"}}"#)
        // A tap's output: 40 records, a state after every 5, bookmarks by id.
        func tapOutput(after bookmark: Int) -> [String] {
            [schema] + ((bookmark + 1)...40).flatMap { id -> [String] in
                let record = Lines.record("Opportunity", #"{"id":\#(id),"stage":"s\#(id % 3)"}"#)
                return id % 5 == 0 ? [record, Lines.state(#"{"bookmarks":{"Opportunity":{"id":\#(id)}}}"#)] : [record]
            }
        }
        let clean = try TargetFixture { $0.batchSizeRows = 7 }
        defer { clean.dropSchema() }
        _ = try clean.run(tapOutput(after: 0))

        let interrupted = try TargetFixture { $0.batchSizeRows = 7 }
        defer { interrupted.dropSchema() }
        var broken = tapOutput(after: 0)
        broken.insert("{\"type\":\"RECORD\",", at: 30)  // the pipe breaks mid-line
        let failed = try interrupted.run(broken)
        #expect(failed.error != nil)
        let lastState = try #require(failed.states.last)
        var parser = JSONParser()
        let resumeAfter = try #require(try parser.parse(lastState)["bookmarks"]?["Opportunity"]?["id"]?.intValue)
        let resumed = try interrupted.run(tapOutput(after: resumeAfter))
        #expect(resumed.error == nil)
        #expect(try interrupted.rows("opportunity", columns: ["id", "stage"], orderBy: "id")
            == clean.rows("opportunity", columns: ["id", "stage"], orderBy: "id"))
    }
}

@Suite struct TargetKeyChangeTests {
    @Test func aKeyTheLoadedRowsBreakStopsTheRunAndKeepsTheOldKey() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        let properties = #"{"id":{"type":"integer"},"region":{"type":["null","string"]}}"#
        _ = try fixture.run([
            Lines.schema("Quota", properties),
            Lines.record("Quota", #"{"id":1,"region":"EU"}"#),
            Lines.record("Quota", #"{"id":2,"region":"EU"}"#),
        ])
        let run = try fixture.run([Lines.schema("Quota", properties, keys: ["region"])])
        #expect("\(run.error.map { "\($0)" } ?? "")".contains("key_properties changed from [\"id\"] to [\"region\"]"))
        let key = try fixture.connection.execute("""
            SELECT a.attname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
            WHERE c.conrelid = to_regclass($1) AND c.contype = 'p'
            """, [PostgresIdentifier.qualified(schema: fixture.schema, name: "quota")])
        #expect(key.map { $0[0] } == ["id"])
    }
}

@Suite struct TargetFlatteningTests {
    static let contacts = Lines.schema("Contact", #"{"id":{"type":"integer"},"address":{"type":"object","properties":{"city":{"type":"string"},"geo":{"type":"object","properties":{"lat":{"type":"number"}}}}},"tags":{"type":"array","items":{"type":"string"}}}"#)
    static let record = Lines.record("Contact", #"{"id":1,"address":{"city":"Paris","geo":{"lat":48.85}},"tags":["a","b"]}"#)

    @Test func nestedObjectsBecomeColumnsDownToTheDepth() throws {
        let fixture = try TargetFixture { $0.flatteningMaxDepth = 1 }
        defer { fixture.dropSchema() }
        let run = try fixture.run([Self.contacts, Self.record])
        #expect(run.error == nil)
        #expect(try fixture.rows("contact", columns: ["id", "address__city", "address__geo", "tags"], orderBy: "id") == [
            ["1", "Paris", #"{"lat": 48.85}"#, #"["a", "b"]"#],
        ])
    }

    @Test func withoutFlatteningObjectsAreJSONB() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        _ = try fixture.run([Self.contacts, Self.record])
        #expect(try fixture.rows("contact", columns: ["address"], orderBy: "id") == [[#"{"geo": {"lat": 48.85}, "city": "Paris"}"#]])
    }

    @Test func flatteningWithoutADepthIsAConfigurationError() {
        #expect(throws: ConfigError.self) { try TargetPostgresConfiguration(Config(["flattening_enabled": true])) }
        #expect(throws: Never.self) { try TargetPostgresConfiguration(Config(["flattening_enabled": true, "flattening_max_depth": 2])) }
    }
}

@Suite struct TargetConfigurationTests {
    @Test func theSampleConfigIsValid() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("targets/target-postgres/config.sample.json").path
        let loader = ConfigLoader(description: TargetPostgresConfiguration.description, environment: [:])
        let configuration = try TargetPostgresConfiguration(loader.load([sample]))
        #expect(configuration.defaultTargetSchema == "raw_salesforce")
        #expect(configuration.loadMethod == .upsert)
        #expect(configuration.addRecordMetadata)
    }

    @Test func sqlalchemyURLsLoseTheirDriverName() {
        #expect(TargetPostgresConfiguration.libpqURL(fromSQLAlchemy: "postgresql+psycopg2://u:p@h:5432/db") == "postgresql://u:p@h:5432/db")
        #expect(TargetPostgresConfiguration.libpqURL(fromSQLAlchemy: "host=h dbname=db") == "host=h dbname=db")
    }

    @Test func badSettingsAreNamed() {
        #expect(throws: ConfigError.self) { try TargetPostgresConfiguration(Config(["load_method": "merge"])) }
        #expect(throws: ConfigError.self) { try TargetPostgresConfiguration(Config(["ssl_mode": "sometimes"])) }
        #expect(throws: ConfigError.self) { try TargetPostgresConfiguration(Config(["batch_size_rows": 0])) }
    }
}
