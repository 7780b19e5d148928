import Foundation
import MarketoSandbox
import SandboxTestSupport
import Singer
import Testing
import TapMarketo

/// tap-marketo against the Marketo sandbox over HTTP, compared with the sandbox's ground truth.
@Suite(.serialized) struct EndToEndTests {
    /// A small subscription whose exports complete on the first poll. Without `realLimits` the
    /// sandbox's 100-calls-per-20-s limit is off and so is the tap's, to keep tests quick.
    static func options(_ scenarios: Set<MarketoScenario> = [], records: Int = 150, realLimits: Bool = false) -> MarketoSandboxOptions {
        MarketoSandboxOptions(seed: 7, records: records, scenarios: scenarios, rateLimitCalls: realLimits ? 100 : nil, pollsToComplete: 1)
    }

    @Test func discoveryBuildsLeadsFromTheDescribeAndOneStreamPerExportableActivityType() async throws {
        let fixture = try await EndToEndFixture.start(Self.options())
        defer { Task { await fixture.stop() } }
        let catalog = try await fixture.selectedCatalog()
        let names = catalog.streams.map(\.tapStreamID)
        #expect(names.first == "leads")
        #expect(names.contains("activities_visit_webpage"))
        #expect(!names.contains("activities_delete_lead"))
        #expect(names.suffix(4) == ["campaigns", "lists", "programs", "deleted_leads"])
        let leads = try #require(catalog["leads"])
        #expect(leads.propertyNames.contains("email"))
        #expect(!leads.propertyNames.contains("originalSourceType"))  // SOAP-only in the describe
    }

    @Test func firstSyncMatchesTheSandboxGroundTruthWithinMarketosRateLimit() async throws {
        let fixture = try await EndToEndFixture.start(Self.options(realLimits: true))
        defer { Task { await fixture.stop() } }
        // One client for discovery and sync: one process's calls, under one limiter.
        let client = try fixture.client()
        let catalog = try await fixture.selectedCatalog(client: client)
        let output = try await fixture.sync(catalog: catalog, client: client)
        #expect(output.error == nil, "\(String(describing: output.error))")
        let store = fixture.sandbox.store
        // The client-side limiter kept the run within 100 calls per 20 s and 10 at once.
        #expect(fixture.sandbox.counters[MarketoCounter.error("606")] == 0)
        #expect(fixture.sandbox.counters[MarketoCounter.error("615")] == 0)
        #expect(output.ids("leads") == Set(store.liveLeadIDs))
        #expect(output.ids("programs") == Set(store.programIDs))
        #expect(output.ids("campaigns") == Set(store.campaignIDs))
        #expect(output.ids("lists") == Set(store.listIDs))
        #expect(output.ids("deleted_leads", "leadId") == Set(store.deletedLeadIDs))
        for entry in catalog.streams where entry.tapStreamID.hasPrefix("activities_") {
            guard let typeID = entry.metadata.root["marketo.activity-id"]?.intValue else { continue }
            let guids = Set(output.records(entry.tapStreamID).compactMap { $0["marketoGUID"]?.stringValue })
            #expect(guids.count == store.activityCounts[typeID, default: 0], "\(entry.tapStreamID)")
        }
        // Field values as the sandbox holds them (email is a plain string column).
        for record in output.records("leads").prefix(50) {
            let id = try #require(record["id"]?.intValue)
            let truth = try #require(store.leadValues(id: id))
            #expect(record["email"]?.stringValue == truth["email"] ?? nil, "lead \(id)")
        }
        // The final state is the Python tap's shape: no export in flight, nothing syncing.
        let state = try #require(output.lastState)
        #expect(state.currentStream == nil)
        #expect(state.bookmark(stream: "leads", key: "export_id") == .null)
        #expect(state.bookmark(stream: "leads", key: "updatedAt")?.stringValue?.hasSuffix("+00:00") == true)
    }

    @Test func secondRunFromTheStatePicksUpChanges() async throws {
        let fixture = try await EndToEndFixture.start(Self.options())
        defer { Task { await fixture.stop() } }
        let catalog = try await fixture.selectedCatalog()
        let first = try await fixture.sync(catalog: catalog)
        #expect(first.error == nil)
        let state = try #require(first.lastState)
        try await Task.sleep(for: .milliseconds(1100))
        let changes = fixture.sandbox.applyChanges()
        try await Task.sleep(for: .milliseconds(1100))
        let second = try await fixture.sync(catalog: catalog, state: state)
        #expect(second.error == nil, "\(String(describing: second.error))")
        let leads = second.ids("leads")
        #expect(Set(changes.updatedLeads + changes.insertedLeads).isSubset(of: leads))
        #expect(leads.count < first.ids("leads").count)
        #expect(Set(changes.updatedPrograms).isSubset(of: second.ids("programs")))
        #expect(Set(changes.deletedLeads).isSubset(of: second.ids("deleted_leads", "leadId")))
    }

    @Test func expiredTokensAreRefreshedAndTheSyncCompletes() async throws {
        let fixture = try await EndToEndFixture.start(Self.options([.tokenExpiry]))
        defer { Task { await fixture.stop() } }
        let catalog = try await fixture.selectedCatalog()
        let output = try await fixture.sync(catalog: catalog)
        #expect(output.error == nil, "\(String(describing: output.error))")
        #expect(fixture.sandbox.counters[MarketoCounter.error("602")] > 0)
        #expect(output.ids("leads") == Set(fixture.sandbox.store.liveLeadIDs))
    }

    @Test func error606IsRetriedAfterAPause() async throws {
        let fixture = try await EndToEndFixture.start(Self.options([.rateLimit]))
        defer { Task { await fixture.stop() } }
        let catalog = try await fixture.selectedCatalog()
        let output = try await fixture.sync(catalog: catalog)
        #expect(output.error == nil, "\(String(describing: output.error))")
        #expect(fixture.sandbox.counters[MarketoCounter.error("606")] > 0)
        #expect(output.ids("programs") == Set(fixture.sandbox.store.programIDs))
    }

    @Test func droppedDownloadsResumeWithRangeRequests() async throws {
        let fixture = try await EndToEndFixture.start(Self.options([.flaky]))
        defer { Task { await fixture.stop() } }
        let catalog = try await fixture.selectedCatalog()
        let output = try await fixture.sync(catalog: catalog)
        #expect(output.error == nil, "\(String(describing: output.error))")
        #expect(fixture.sandbox.counters[MarketoCounter.droppedDownloads] > 0)
        #expect(output.ids("leads") == Set(fixture.sandbox.store.liveLeadIDs))
    }

    @Test func dailyQuota607StopsWithAUsableState() async throws {
        let fixture = try await EndToEndFixture.start(Self.options([.dailyQuota]))
        defer { Task { await fixture.stop() } }
        let catalog = try await fixture.selectedCatalog()
        let output = try await fixture.sync(catalog: catalog)
        let error = try #require(output.error as? MarketoError)
        #expect(error.isQuota, "\(error)")
        let state = try #require(output.lastState)
        #expect(state.currentStream != nil)
        #expect(state.bookmark(stream: "leads", key: "updatedAt") != nil)
    }

    @Test func maxDailyCallsStopsBeforeMarketoDoes() async throws {
        let fixture = try await EndToEndFixture.start(Self.options())
        defer { Task { await fixture.stop() } }
        let catalog = try await fixture.selectedCatalog()
        let used = fixture.sandbox.callsToday
        let output = try await fixture.sync(catalog: catalog, extra: ["max_daily_calls": .number(JSONNumber(used + 15))])
        let error = try #require(output.error as? MarketoError)
        guard case .dailyQuotaExceeded = error else { Issue.record("expected the daily quota, got \(error)"); return }
        #expect(fixture.sandbox.callsToday <= used + 20)
    }

    @Test func exportQuota1029StopsAndTheStateKeepsCompletedWindows() async throws {
        let fixture = try await EndToEndFixture.start(Self.options([.exportQuota]))
        defer { Task { await fixture.stop() } }
        let catalog = try await fixture.selectedCatalog()
        let output = try await fixture.sync(catalog: catalog)
        let error = try #require(output.error as? MarketoError)
        #expect(error.code == "1029", "\(error)")
        let state = try #require(output.lastState)
        #expect(state.currentStream == "leads")
        // The first window completed: its end is the bookmark, later than start_date.
        let bookmark = try #require(state.bookmark(stream: "leads", key: "updatedAt")?.stringValue)
        #expect(MarketoTime.parse(bookmark) ?? 0 > fixture.startSeconds)
        #expect(output.records("leads").count > 0)
    }

    @Test func aSavedExportIDIsResumedInsteadOfExportingAgain() async throws {
        let fixture = try await EndToEndFixture.start(Self.options())
        defer { Task { await fixture.stop() } }
        var catalog = try await fixture.selectedCatalog()
        catalog.streams = catalog.streams.filter { $0.tapStreamID == "leads" }
        // Create a job for the whole history the way an interrupted run would have, and save its id.
        let client = try fixture.client()
        let end = fixture.sandbox.store.anchorSeconds + 86_400
        let start = end - 30 * 86_400
        let exportID: String = try await onOwnThread {
            let envelope = try client.post("bulk/v1/leads/export/create.json", json: [
                "format": "CSV", "fields": ["id", "email", "updatedAt", "createdAt"],
                "filter": ["updatedAt": ["startAt": .string(MarketoTime.isoformat(start)), "endAt": .string(MarketoTime.isoformat(end))]],
            ])
            return envelope.result.first?["exportId"]?.stringValue ?? ""
        }
        var state = State()
        state.setBookmark(stream: "leads", key: "updatedAt", value: .string(MarketoTime.isoformat(start)))
        state.setBookmark(stream: "leads", key: "export_id", value: .string(exportID))
        state.setBookmark(stream: "leads", key: "export_end", value: .string(MarketoTime.isoformat(end)))
        state.currentStream = "leads"
        let created = fixture.sandbox.counters[MarketoCounter.exportsCreated]
        let output = try await fixture.sync(catalog: catalog, state: state)
        #expect(output.error == nil, "\(String(describing: output.error))")
        #expect(fixture.sandbox.counters[MarketoCounter.exportsCreated] == created)
        #expect(output.ids("leads") == Set(fixture.sandbox.store.leadIDs("updatedAt", from: start, through: end)))
    }

    @Test func aStateFileWrittenByThePythonTapResumesFromItsBookmarks() async throws {
        let fixture = try await EndToEndFixture.start(Self.options())
        defer { Task { await fixture.stop() } }
        var catalog = try await fixture.selectedCatalog()
        catalog.streams = catalog.streams.filter { ["leads", "programs"].contains($0.tapStreamID) }
        let since = fixture.sandbox.store.anchorSeconds - 10 * 86_400
        // The Python tap's shape: second-precision lead bookmark, microsecond REST bookmark.
        let leadsBookmark = MarketoTime.isoformat(since)                                          // …T00:00:00+00:00
        let programsBookmark = MarketoTime.isoformat(RFC3339.DateTime(secondsSince1970: since))  // …T00:00:00.000000+00:00
        let text = """
            {"bookmarks": {"leads": {"updatedAt": "\(leadsBookmark)", "export_id": null, "export_end": null},
             "programs": {"updatedAt": "\(programsBookmark)"}}, "currently_syncing": "leads"}
            """
        var parser = JSONParser()
        let state = try State(json: try parser.parse(text))
        let output = try await fixture.sync(catalog: catalog, state: state)
        #expect(output.error == nil, "\(String(describing: output.error))")
        let expected = Set(fixture.sandbox.store.leadIDs("updatedAt", from: since, through: Int.max))
        #expect(output.ids("leads") == expected)
        #expect(!expected.isEmpty && expected.count < fixture.sandbox.store.liveLeadIDs.count)
    }
}
