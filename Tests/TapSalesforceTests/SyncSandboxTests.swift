import Foundation
import SalesforceSandbox
import Singer
import Testing

@testable import TapSalesforce

/// End-to-end syncs against the Salesforce sandbox over HTTP, checked against its data.
@Suite(.serialized) struct SyncSandboxTests {
    static let streams = ["Account", "Opportunity", "Contact"]

    /// Checks every selected stream of `output` against the sandbox's rows (soft-deleted ones
    /// included: the tap uses queryAll). `bulkStreams` are compared with Bulk's value rules.
    static func expectMatchesSandbox(
        _ output: SyncOutput, fixture: SyncSandboxFixture, catalog: Catalog, streams: [String], bulkStreams: Set<String> = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for stream in streams {
            let plan = try StreamPlan(entry: try #require(catalog[stream]), selectFieldsByDefault: true)
            let truth = fixture.sandbox.store.records(of: stream, includeDeleted: true)
            #expect(!truth.isEmpty, "\(stream) has rows", sourceLocation: sourceLocation)
            let problems = GroundTruth.differences(
                emitted: output.records(stream), truth: truth, plan: plan, bulk: bulkStreams.contains(stream))
            #expect(problems.isEmpty, "\(stream): \(problems.prefix(10))", sourceLocation: sourceLocation)
        }
    }

    @Test func restSyncEmitsEverySandboxRowOnceWithItsValues() async throws {
        let fixture = try await SyncSandboxFixture.start(records: 5_000)
        defer { Task { await fixture.stop() } }
        let configuration = fixture.configuration()
        let catalog = try await fixture.catalog(streams: Self.streams, configuration: configuration)
        let output = try await fixture.sync(configuration, catalog: catalog)
        #expect(output.error == nil, "\(output.error.map { "\($0)" } ?? "")")
        try Self.expectMatchesSandbox(output, fixture: fixture, catalog: catalog, streams: Self.streams)

        // Message order per stream: STATE(current_stream) → SCHEMA → ACTIVATE_VERSION → RECORDs.
        let types = output.messages.map { $0["type"]?.stringValue ?? "" }
        #expect(types.first == "STATE")
        #expect(types[1] == "SCHEMA" && types[2] == "ACTIVATE_VERSION")
        let schema = try #require(output.messages(type: "SCHEMA").first { $0["stream"] == "Opportunity" })
        #expect(schema["key_properties"] == ["Id"])
        #expect(schema["bookmark_properties"] == ["SystemModstamp"])
        let state = try #require(output.lastState)
        #expect(state.currentStream == nil)
        for stream in Self.streams {
            let bookmark = try #require(state.bookmark(stream: stream, key: "SystemModstamp")?.stringValue)
            #expect(bookmark.hasSuffix("Z") && bookmark.count == 27, "singer-python form: \(bookmark)")
            #expect(state.version(stream: stream) != nil)
        }
        let opportunityPages = output.records("Opportunity").count / 2_000 + 1
        #expect(output.states.count >= opportunityPages + 2 * Self.streams.count, "a STATE after every page")
    }

    @Test func bulkSyncMatchesTheSandboxAndFallsBackToRESTForCompoundFields() async throws {
        let fixture = try await SyncSandboxFixture.start(records: 3_000)
        defer { Task { await fixture.stop() } }
        let configuration = fixture.configuration(apiType: .bulk)
        let catalog = try await fixture.catalog(streams: ["Account", "Opportunity"], configuration: configuration)
        let output = try await fixture.sync(configuration, catalog: catalog, bulkPageRecords: 700)
        #expect(output.error == nil, "\(output.error.map { "\($0)" } ?? "")")
        let compound = try StreamPlan(entry: try #require(catalog["Account"]), selectFieldsByDefault: true).compoundFields
        let bulkStreams: Set<String> = compound.isEmpty ? ["Account", "Opportunity"] : ["Opportunity"]
        try Self.expectMatchesSandbox(output, fixture: fixture, catalog: catalog, streams: ["Account", "Opportunity"], bulkStreams: bulkStreams)
        let log = fixture.sandbox.requestLog
        #expect(log.contains { $0.method == "POST" && $0.path.hasSuffix("/jobs/query") })
        #expect(log.filter { $0.path.hasSuffix("/results") }.count >= 3_000 / 700, "results read page by page")
        #expect(log.contains { $0.method == "DELETE" && $0.path.contains("/jobs/query/") }, "jobs deleted")
        if !compound.isEmpty {
            #expect(log.contains { $0.path.hasSuffix("/queryAll") && ($0.query ?? "").contains("Account") }, "Account via REST")
        }
    }

    @Test func bulkUnsupportedObjectsFallBackToREST() async throws {
        let fixture = try await SyncSandboxFixture.start(records: 500, scenarios: [.bulkUnsupported])
        defer { Task { await fixture.stop() } }
        let configuration = fixture.configuration(apiType: .bulk)
        let catalog = try await fixture.catalog(streams: ["Opportunity"], configuration: configuration)
        let output = try await fixture.sync(configuration, catalog: catalog)
        #expect(output.error == nil, "\(output.error.map { "\($0)" } ?? "")")
        try Self.expectMatchesSandbox(output, fixture: fixture, catalog: catalog, streams: ["Opportunity"])
    }

    @Test func secondRunAfterChangesEmitsExactlyTheRowsAtOrAfterTheBookmark() async throws {
        for apiType in [SalesforceConfiguration.APIType.rest, .bulk] {
            let fixture = try await SyncSandboxFixture.start(records: 2_000)
            let configuration = fixture.configuration(apiType: apiType)
            let catalog = try await fixture.catalog(streams: ["Opportunity", "Contact"], configuration: configuration)
            let first = try await fixture.sync(configuration, catalog: catalog)
            let saved = try #require(first.lastState)
            let changes = fixture.sandbox.applyChanges()
            let second = try await fixture.sync(configuration, catalog: catalog, state: saved)
            #expect(second.error == nil, "\(apiType): \(second.error.map { "\($0)" } ?? "")")
            for stream in ["Opportunity", "Contact"] {
                let bookmark = try #require(saved.bookmark(stream: stream, key: "SystemModstamp")?.stringValue)
                let since = try #require(SyncInstant(bookmark))
                let expected = Set(fixture.sandbox.store.records(of: stream, includeDeleted: true).filter { row in
                    (row["SystemModstamp"]?.stringValue).flatMap(SyncInstant.init).map { $0 >= since } ?? false
                }.compactMap { $0["Id"]?.stringValue })
                let emitted = second.records(stream).compactMap { $0["Id"]?.stringValue }
                #expect(Set(emitted) == expected, "\(apiType) \(stream): rows at or after the bookmark, no more, no less")
                #expect(emitted.count == Set(emitted).count, "\(apiType) \(stream): each once")
                let touched = (changes.updated[stream] ?? 0) + (changes.deleted[stream] ?? 0) + (changes.inserted[stream] ?? 0)
                #expect(emitted.count >= touched && touched > 0, "\(apiType) \(stream): \(touched) changed rows come again")
                let deleted = second.records(stream).filter { $0["IsDeleted"] == true }.count
                #expect(deleted >= (changes.deleted[stream] ?? 0), "soft deletes arrive with IsDeleted")
                // The table version stays; the bookmark moves on.
                #expect(second.lastState?.version(stream: stream) == saved.version(stream: stream))
                let next = try #require(second.lastState?.bookmark(stream: stream, key: "SystemModstamp")?.stringValue)
                #expect(SyncInstant(next)! >= since)
            }
            await fixture.stop()
        }
    }

    @Test func aStateWrittenByThePythonTapResumesAtItsCurrentStream() async throws {
        let fixture = try await SyncSandboxFixture.start(records: 2_000)
        defer { Task { await fixture.stop() } }
        let configuration = fixture.configuration()
        let catalog = try await fixture.catalog(streams: ["Account", "Opportunity"], configuration: configuration)
        let order = catalog.selectedEntries(rule: .singerIO).map(\.tapStreamID)
        #expect(order == ["Account", "Opportunity"], "discovery writes streams in name order")
        let stamps = fixture.sandbox.store.records(of: "Opportunity", includeDeleted: true)
            .compactMap { $0["SystemModstamp"]?.stringValue.flatMap(SyncInstant.init) }.sorted()
        let middle = stamps[stamps.count / 2]
        // Literally what singer-io tap-salesforce 2.8.1 leaves after being stopped in Opportunity.
        let pythonState = """
            {"current_stream": "Opportunity",
             "bookmarks": {"Account": {"SystemModstamp": "2031-01-01T00:00:00.000000Z"},
                           "Opportunity": {"SystemModstamp": "\(middle.singerText)"},
                           "Lead": {"SystemModstamp": "2020-05-05T00:00:00.000000Z"}},
             "versions": {"Account": 1795948757043, "Opportunity": 1795948757044}}
            """
        var parser = JSONParser()
        let state = try State(json: parser.parse(pythonState), currentStreamKey: .currentStream)
        let output = try await fixture.sync(configuration, catalog: catalog, state: state)
        #expect(output.error == nil, "\(output.error.map { "\($0)" } ?? "")")
        #expect(output.records("Account").isEmpty, "Account was finished before the interruption")
        let expected = fixture.sandbox.store.records(of: "Opportunity", includeDeleted: true).filter {
            ($0["SystemModstamp"]?.stringValue.flatMap(SyncInstant.init)).map { $0 >= middle } ?? false
        }.count
        #expect(output.records("Opportunity").count == expected)
        let versions = output.messages.filter { $0["stream"] == "Opportunity" }.compactMap { $0["version"]?.intValue }
        #expect(!versions.isEmpty && versions.allSatisfy { $0 == 1_795_948_757_044 }, "the Python tap's table version is kept")
        let final = try #require(output.lastState)
        #expect(final.currentStream == nil)
        #expect(final.bookmark(stream: "Account", key: "SystemModstamp") == "2031-01-01T00:00:00.000000Z", "untouched")
        #expect(final.bookmark(stream: "Lead", key: "SystemModstamp") == "2020-05-05T00:00:00.000000Z", "unselected stream kept")
        #expect(final.version(stream: "Account") == 1_795_948_757_043)
        #expect(final["current_stream"] == .null, "written as the Python tap writes it")
    }

    @Test func queryTimeoutSplitsTheWindowAndStillEmitsEveryRowOnce() async throws {
        let fixture = try await SyncSandboxFixture.start(records: 2_000, scenarios: [.queryTimeout]) { $0.queryTimeoutWindowDays = 120 }
        defer { Task { await fixture.stop() } }
        let configuration = fixture.configuration(startDate: "2023-01-01T00:00:00Z")
        let catalog = try await fixture.catalog(streams: ["Opportunity"], configuration: configuration)
        let output = try await fixture.sync(configuration, catalog: catalog)
        #expect(output.error == nil, "\(output.error.map { "\($0)" } ?? "")")
        let timeouts = fixture.sandbox.requestLog.filter { $0.errorCode == "QUERY_TIMEOUT" }
        #expect(!timeouts.isEmpty, "the scenario answered QUERY_TIMEOUT")
        let windows = fixture.sandbox.requestLog.filter { $0.path.hasSuffix("/queryAll") && $0.status == 200 }
        #expect(windows.count > 1, "the sync walked in windows")
        try Self.expectMatchesSandbox(output, fixture: fixture, catalog: catalog, streams: ["Opportunity"])
    }

    @Test func flakyServerStillGivesEveryRowExactlyOnce() async throws {
        for apiType in [SalesforceConfiguration.APIType.rest, .bulk] {
            let fixture = try await SyncSandboxFixture.start(records: 3_000, scenarios: [.flaky, .tokenExpiry]) { $0.flakyPeriod = 5; $0.dropPeriod = 3 }
            let configuration = fixture.configuration(apiType: apiType)
            let catalog = try await fixture.catalog(streams: ["Opportunity", "Contact"], configuration: configuration)
            let output = try await fixture.sync(configuration, catalog: catalog, bulkPageRecords: 500)
            #expect(output.error == nil, "\(apiType): \(output.error.map { "\($0)" } ?? "")")
            try Self.expectMatchesSandbox(
                output, fixture: fixture, catalog: catalog, streams: ["Opportunity", "Contact"],
                bulkStreams: apiType == .bulk ? ["Opportunity", "Contact"] : [])
            #expect(fixture.sandbox.requestLog.contains { $0.status >= 500 }, "\(apiType): faults happened")
            await fixture.stop()
        }
    }

    @Test func quotaStopsWithExitOneAndAStateTheNextRunCompletesFrom() async throws {
        let limited = try await SyncSandboxFixture.start(records: 5_000, scenarios: [.quota]) { options in
            options.apiLimit = 1_000
            options.apiUsageBase = 797  // discovery takes ~2 calls; 80 % is crossed a few calls into the sync
        }
        let configuration = limited.configuration()
        let catalog = try await limited.catalog(streams: Self.streams, configuration: configuration)
        let stopped = try await limited.sync(configuration, catalog: catalog)
        await limited.stop()
        let error = try #require(stopped.error)
        guard case SalesforceError.quotaExceeded = error else {
            Issue.record("expected quotaExceeded, got \(error)")
            return
        }
        #expect((error as? any ExitStatusProviding)?.exitStatus == .failure, "exit 1")
        let saved = try #require(stopped.lastState, "a usable state was written")
        #expect(saved.currentStream != nil, "it names the stream to resume")

        // Same org (same seed), quota available again: the next run completes from the state.
        let fresh = try await SyncSandboxFixture.start(records: 5_000)
        defer { Task { await fresh.stop() } }
        let freshConfiguration = fresh.configuration()
        let resumed = try await fresh.sync(freshConfiguration, catalog: catalog, state: saved)
        #expect(resumed.error == nil, "\(resumed.error.map { "\($0)" } ?? "")")
        for stream in Self.streams {
            let truth = Set(fresh.sandbox.store.records(of: stream, includeDeleted: true).compactMap { $0["Id"]?.stringValue })
            let emitted = Set((stopped.records(stream) + resumed.records(stream)).compactMap { $0["Id"]?.stringValue })
            #expect(emitted == truth, "\(stream): nothing lost across the quota stop")
        }
    }
}
