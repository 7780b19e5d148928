import Foundation
import PostgresTestSupport
import SalesforceSandbox
import Singer
import Testing

/// The whole pipe a user runs, with the real executables: the sandbox org over HTTP, then
/// `tap-salesforce | target-postgres` into the throwaway PostgreSQL, compared row by row with
/// the sandbox's own data.
@Suite(.serialized) struct PipelineIntoPostgresTests {
    static let streams = ["Account", "Opportunity", "OpportunityHistory"]

    /// Id, Name, StageName, Amount, IsDeleted and SystemModstamp of every Opportunity the org holds
    /// (deleted ones too: queryAll brings them with IsDeleted = true), as the warehouse shows them.
    static func expectedOpportunities(_ sandbox: SalesforceSandbox) -> [[String?]] {
        sandbox.store.records(of: "Opportunity", includeDeleted: true).map { record -> [String?] in
            [record["Id"]?.stringValue, record["Name"]?.stringValue, record["StageName"]?.stringValue,
             record["Amount"]?.numberValue.map { normalisedNumber($0.text) },
             record["IsDeleted"]?.boolValue == true ? "true" : "false",
             record["SystemModstamp"]?.stringValue.map { String($0.prefix(23)) }]
        }.sorted { ($0[0] ?? "") < ($1[0] ?? "") }
    }

    static func loadedOpportunities(_ pipeline: PipelineFixture) throws -> [[String?]] {
        try pipeline.connection.execute("""
            SELECT id, name, stagename, amount::text, isdeleted::text,
                   to_char(systemmodstamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS')
              FROM \(pipeline.schema).opportunity ORDER BY id COLLATE "C"
            """).map { row in (0..<6).map { column in
                column == 3 ? row[column].map(normalisedNumber) : row[column]
            } }
    }

    /// `1234.50`, `1234.5` and `1.2345E3` are one number.
    static func normalisedNumber(_ text: String) -> String {
        Decimal(string: text).map { "\($0)" } ?? text
    }

    static func count(_ pipeline: PipelineFixture, _ table: String) throws -> Int {
        try Int(pipeline.connection.execute("SELECT count(*) FROM \(pipeline.schema).\(table)")[0][0] ?? "") ?? -1
    }

    @Test(arguments: ["REST", "BULK"])
    func fullThenIncrementalRunLeaveTheWarehouseEqualToTheOrg(apiType: String) async throws {
        try await ClientSandboxFixture.withSandbox(SalesforceSandboxOptions(seed: 7, records: 300)) { sandbox in
            let pipeline = try PipelineFixture(sandbox: sandbox, settings: [
                "start_date": "2020-01-01T00:00:00Z", "api_type": .string(apiType)])
            defer { pipeline.cleanUp() }
            let catalog = try pipeline.discoverAndSelect(Self.streams)

            let first = try await ClientSandboxFixture.offPool { try pipeline.run(catalog: catalog) }
            #expect(first.tapStatus == 0, "\(first.tapErrors.suffix(2_000))")
            #expect(first.targetStatus == 0, "\(first.targetErrors.suffix(2_000))")
            for stream in Self.streams {
                let total = sandbox.store.records(of: stream, includeDeleted: true).count
                #expect(first.recordsPerStream[stream] == total, "\(stream)")
                #expect(try Self.count(pipeline, stream.lowercased()) == total, "\(stream)")
            }
            #expect(try Self.loadedOpportunities(pipeline) == Self.expectedOpportunities(sandbox))
            let state = try #require(first.states.last)

            // Second run from the state the target released: only what changed comes again.
            let changes = sandbox.applyChanges()
            let second = try await ClientSandboxFixture.offPool {
                try pipeline.run(catalog: catalog, state: try pipeline.write(state, to: "state.json"))
            }
            #expect(second.tapStatus == 0, "\(second.tapErrors.suffix(2_000))")
            #expect(second.targetStatus == 0, "\(second.targetErrors.suffix(2_000))")
            let changedOpportunities = (changes.updated["Opportunity"] ?? 0) + (changes.deleted["Opportunity"] ?? 0)
                + (changes.inserted["Opportunity"] ?? 0)
            #expect(changedOpportunities > 0)
            // At least once: the rows at the old bookmark's instant may come again, nothing more.
            let again = try #require(second.recordsPerStream["Opportunity"])
            #expect(again >= changedOpportunities && again < 300 / 2)
            #expect(try Self.loadedOpportunities(pipeline) == Self.expectedOpportunities(sandbox))
            for stream in Self.streams {
                #expect(try Self.count(pipeline, stream.lowercased()) == sandbox.store.records(of: stream, includeDeleted: true).count)
            }
        }
    }

    @Test func resumesFromAStateFileWrittenByThePythonTap() async throws {
        try await ClientSandboxFixture.withSandbox(SalesforceSandboxOptions(seed: 11, records: 200)) { sandbox in
            let pipeline = try PipelineFixture(sandbox: sandbox, settings: [
                "start_date": "2020-01-01T00:00:00Z", "api_type": "REST"])
            defer { pipeline.cleanUp() }
            let catalog = try pipeline.discoverAndSelect(["Opportunity"])
            // The median SystemModstamp, as singer-io tap-salesforce 2.8.1 writes bookmarks.
            let stamps = sandbox.store.records(of: "Opportunity", includeDeleted: true)
                .compactMap { $0["SystemModstamp"]?.stringValue }.sorted()
            let median = stamps[stamps.count / 2]
            let bookmark = String(median.prefix(19)) + ".000000Z"
            let state = #"{"current_stream": null, "bookmarks": {"Opportunity": {"SystemModstamp": "\#(bookmark)"}}, "versions": {"Opportunity": 1795948757043}}"#

            let run = try await ClientSandboxFixture.offPool {
                try pipeline.run(catalog: catalog, state: try pipeline.write(state, to: "python-state.json"))
            }
            #expect(run.tapStatus == 0, "\(run.tapErrors.suffix(2_000))")
            #expect(run.targetStatus == 0, "\(run.targetErrors.suffix(2_000))")
            let expected = stamps.filter { String($0.prefix(23)) >= String(median.prefix(23)) }.count
            #expect(run.recordsPerStream["Opportunity"] == expected)
            #expect(try Self.count(pipeline, "opportunity") == expected)
            // The released state keeps the Python tap's shape, so either tap can take over again.
            var parser = JSONParser()
            let released = try parser.parse(try #require(run.states.last))
            let newBookmark = try #require(released["bookmarks"]?["Opportunity"]?["SystemModstamp"]?.stringValue)
            #expect(newBookmark.hasSuffix("Z") && newBookmark >= bookmark)
        }
    }
}
