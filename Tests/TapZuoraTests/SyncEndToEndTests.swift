import Foundation
import SandboxTestSupport
import Singer
import Testing
import ZuoraSandbox
@testable import TapZuora

@Suite(.serialized) struct SyncEndToEndTests {
    @Test func discoveryAgainstTheSandboxSkipsObjectsThatFailToDescribe() async throws {
        let fixture = try await EndToEndFixture.start()
        let client = fixture.client(try fixture.configuration())
        let logger = client.logger
        let catalog = try await onOwnThread { try ZuoraDiscovery(client: client, logger: logger).discover() }
        let names = catalog.streams.map(\.stream)
        #expect(names.contains("Account") && names.contains("Invoice"))
        #expect(!names.contains("NotificationHistoryCallout"))
        let account = try #require(catalog.entry(stream: "Account"))
        #expect(account.topLevelReplicationKey == "UpdatedDate")
        #expect(account.propertyNames.contains("Deleted"))
        await fixture.stop()
    }

    @Test func aquaSyncMatchesTheSandboxThenReturnsOnlyChanges() async throws {
        let fixture = try await EndToEndFixture.start()
        let client = fixture.client(try fixture.configuration())
        let catalog = try await fixture.catalog(client, streams: ["Account", "Invoice"])
        let first = try await fixture.sync(client, catalog: catalog)
        let accounts = EndToEndFixture.records(first.messages, stream: "Account")
        #expect(!accounts.isEmpty)
        #expect(fixture.differences(accounts, object: "Account") == [])
        #expect(fixture.differences(EndToEndFixture.records(first.messages, stream: "Invoice"), object: "Invoice") == [])
        #expect(first.state.bookmark(stream: "Account", key: "UpdatedDate")?.stringValue?.hasSuffix(".000000Z") == true)
        #expect(first.state.bookmark(stream: "Account", key: "file_ids") == .null)
        #expect(first.state.currentStream == nil)

        let summary = fixture.sandbox.applyChanges()
        let second = try await fixture.sync(client, catalog: catalog, state: first.state)
        let changed = EndToEndFixture.records(second.messages, stream: "Account")
        // The stateful session's second job: only rows changed or deleted in this round.
        let touched = fixture.sandbox.store.records(of: "Account", includeDeleted: true).filter { $0.round == summary.round }
        let expected = touched.compactMap { $0.values.first?.text }
        #expect(!expected.isEmpty)
        // Besides them, only the rows at the previous bookmark itself (the boundary is inclusive,
        // as in the Python tap: at least once, never a gap).
        let emittedIDs = Set(changed.compactMap { $0["Id"]?.stringValue })
        #expect(emittedIDs.isSuperset(of: expected))
        let previous = first.state.bookmark(stream: "Account", key: "UpdatedDate")
        #expect(changed.filter { !expected.contains($0["Id"]?.stringValue ?? "") }.allSatisfy { $0["UpdatedDate"] == previous })
        let deleted = Set(touched.filter(\.isDeleted).compactMap { $0.values.first?.text })
        #expect(Set(changed.filter { $0["Deleted"] == true }.compactMap { $0["Id"]?.stringValue }) == deleted)
        #expect(fixture.differences(changed, object: "Account").filter { !$0.contains("ids differ") } == [])
        await fixture.stop()
    }

    @Test func restSyncWithLegacyHeadersMatchesTheSandbox() async throws {
        let fixture = try await EndToEndFixture.start()
        let client = fixture.client(try fixture.configuration(apiType: "REST", authType: "BASIC"))
        let catalog = try await fixture.catalog(client, streams: ["Account"])
        let run = try await fixture.sync(client, catalog: catalog)
        let accounts = EndToEndFixture.records(run.messages, stream: "Account")
        #expect(!accounts.isEmpty)
        #expect(fixture.differences(accounts, object: "Account") == [])
        // The Python tap's REST bookmark form.
        let bookmark = try #require(run.state.bookmark(stream: "Account", key: "UpdatedDate")?.stringValue)
        #expect(bookmark.count == 19 && bookmark.dropFirst(10).first == " ")
        await fixture.stop()
    }

    @Test func expiringTokensAreRenewedAndRateLimitsWaitedOut() async throws {
        let fixture = try await EndToEndFixture.start(scenarios: [.tokenExpiry, .rateLimit], callsPerToken: 4)
        let client = fixture.client(try fixture.configuration())
        let catalog = try await fixture.catalog(client, streams: ["Account"])
        let run = try await fixture.sync(client, catalog: catalog)
        #expect(fixture.differences(EndToEndFixture.records(run.messages, stream: "Account"), object: "Account") == [])
        #expect(client.tokensFetched > 1)
        await fixture.stop()
    }

    @Test func flakyServerAndBrokenDownloadsStillGiveEveryRowExactlyOnce() async throws {
        let fixture = try await EndToEndFixture.start(scenarios: [.flaky])
        let client = fixture.client(try fixture.configuration(apiType: "REST", authType: "BASIC"))
        let catalog = try await fixture.catalog(client, streams: ["Account", "Invoice", "Contact"])
        let run = try await fixture.sync(client, catalog: catalog)
        for stream in ["Account", "Invoice", "Contact"] {
            let records = EndToEndFixture.records(run.messages, stream: stream)
            #expect(Set(records.compactMap { $0["Id"]?.stringValue }).count == records.count, "\(stream): duplicates")
            #expect(fixture.differences(records, object: stream) == [])
        }
        await fixture.stop()
    }

    @Test func aPythonTapStateResumesAtItsCurrentStreamFromItsBookmark() async throws {
        let fixture = try await EndToEndFixture.start()
        let client = fixture.client(try fixture.configuration())
        let catalog = try await fixture.catalog(client, streams: ["Account", "Invoice"])
        // The median Invoice UpdatedDate, written as the Python tap writes bookmarks.
        let truth = fixture.sandbox.store.records(of: "Invoice")
        let invoiceDates = truth.compactMap { row in
            fixture.sandbox.store.record(of: "Invoice", id: row.values.first?.text ?? "")?["UpdatedDate"]?.text
        }.sorted()
        let middle = try #require(invoiceDates.isEmpty ? nil : invoiceDates[invoiceDates.count / 2])
        let bookmark = String(middle.prefix(19)) + ".000000Z"
        var parser = JSONParser()
        let python = try State(json: parser.parse("""
            {"current_stream": "Invoice", "bookmarks": {
              "Account": {"version": 1795948869, "UpdatedDate": "2030-01-01T00:00:00.000000Z", "file_ids": null},
              "Invoice": {"version": 1795948869, "UpdatedDate": "\(bookmark)", "file_ids": null}}}
            """))
        let run = try await fixture.sync(client, catalog: catalog, state: python)
        #expect(EndToEndFixture.records(run.messages, stream: "Account").isEmpty)
        let invoices = EndToEndFixture.records(run.messages, stream: "Invoice")
        let expected = Set(invoiceDates.filter { $0 >= middle })
        #expect(!invoices.isEmpty)
        #expect(invoices.allSatisfy { ($0["UpdatedDate"]?.stringValue ?? "") >= bookmark })
        #expect(Set(invoices.compactMap { $0["UpdatedDate"]?.stringValue.map { String($0.prefix(19)) + "Z" } }) == expected)
        #expect(run.state.bookmark(stream: "Invoice", key: "version") == 1795948869)
        #expect(run.state.currentStream == nil)
        await fixture.stop()
    }

    @Test func aJobStillRunningAfterJobTimeoutFailsTheSyncWithItsStateKept() async throws {
        let fixture = try await EndToEndFixture.start(aquaPolls: 1_000)
        let client = fixture.client(try fixture.configuration(jobTimeout: 0.3))
        let catalog = try await fixture.catalog(client, streams: ["Account"])
        await #expect {
            _ = try await fixture.sync(client, catalog: catalog)
        } throws: { error in
            guard case .jobTimedOut(let stream, _, _)? = error as? ZuoraError else { return false }
            return stream == "Account"
        }
        let polls = fixture.sandbox.requestLog.filter { $0.path.hasPrefix("/v1/batch-query/jobs/") }.count
        // Checked at once, then with growing waits (0.01 s × 1.5ⁿ capped at 0.05 s) for 0.3 s.
        #expect(polls > 3 && polls < 40)
        await fixture.stop()
    }
}
