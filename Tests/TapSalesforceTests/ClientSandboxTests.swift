import Foundation
import SalesforceSandbox
import Singer
import Testing
@testable import TapSalesforce

@Suite("Client against the sandbox")
struct ClientSandboxTests {
    typealias Fixture = ClientSandboxFixture

    @Test func transientServerErrorsAreRetried() async throws {
        let options = SalesforceSandboxOptions(records: 20, scenarios: [.flaky], flakyPeriod: 2)
        try await Fixture.withSandbox(options) { sandbox in
            let client = try Fixture.client(sandbox)
            for _ in 0..<4 {
                _ = try await Fixture.offPool { try client.getJSON(client.dataPath + "/sobjects") }
            }
            #expect(sandbox.counters[SalesforceCounter.injectedErrors] >= 2)
        }
    }

    @Test func salesforceErrorArraysBecomeAPIErrors() async throws {
        try await Fixture.withSandbox { sandbox in
            let client = try Fixture.client(sandbox)
            let error = await #expect(throws: SalesforceError.self) {
                try await Fixture.offPool { _ = try client.getJSON(client.dataPath + "/query?q=SELECT%20Nope%20FROM%20Account") }
            }
            #expect(error?.status == 400)
            #expect(error?.errorCode == "INVALID_FIELD" || error?.errorCode == "MALFORMED_QUERY")
            #expect(error?.description.contains("/query?q=") == true)
        }
    }

    @Test func totalQuotaStopsBeforeTheOrgLimitIsReached() async throws {
        let options = SalesforceSandboxOptions(records: 20, scenarios: [.quota])
        try await Fixture.withSandbox(options) { sandbox in
            let client = try Fixture.client(sandbox)
            let (calls, error): (Int, SalesforceError?) = try await Fixture.offPool {
                var calls = 0
                do {
                    for _ in 0..<200 {
                        _ = try client.getJSON(client.dataPath + "/sobjects")
                        calls += 1
                    }
                    return (calls, nil)
                } catch let error as SalesforceError {
                    return (calls, error)
                }
            }
            let stop = try #require(error)
            guard case .quotaExceeded(let message) = stop else {
                Issue.record("expected quotaExceeded, got \(stop)")
                return
            }
            #expect(message.contains("quota_percent_total 80 %"))
            #expect(message.contains("of its 15000 daily API requests"))
            // 11,950 used at start: the 51st call crosses 80 %, so the 52nd is never sent.
            #expect((45...60).contains(calls), "stopped after \(calls) calls")
            #expect(sandbox.counters[SalesforceCounter.limitExceeded] == 0)
        }
    }

    @Test func perRunQuotaCountsTheRunsOwnRequests() async throws {
        let options = SalesforceSandboxOptions(records: 20, apiLimit: 1_000, apiUsageBase: 0)
        try await Fixture.withSandbox(options) { sandbox in
            let client = try Fixture.client(sandbox, extra: ["quota_percent_per_run": 1])
            let error = await #expect(throws: SalesforceError.self) {
                try await Fixture.offPool {
                    for _ in 0..<50 { _ = try client.getJSON(client.dataPath + "/sobjects") }
                }
            }
            #expect(error?.description.contains("quota_percent_per_run") == true)
            #expect(client.quotaGuard.requestsThisRun == 11)
        }
    }

    @Test func bulkQuotaIsCheckedFromLimits() async throws {
        try await Fixture.withSandbox { sandbox in
            let client = try Fixture.client(sandbox)
            try await Fixture.offPool { try client.checkBulkQuota(jobsStartedThisRun: 3) }
            let error = await #expect(throws: SalesforceError.self) {
                try await Fixture.offPool { try client.checkBulkQuota(jobsStartedThisRun: 2_600) }
            }
            #expect(error?.description.contains("Bulk query jobs") == true)
            #expect(error?.description.contains("quota_percent_per_run") == true)
        }
    }
}
