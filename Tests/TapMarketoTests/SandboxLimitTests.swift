import MarketoSandbox
import SandboxKit
import Singer
import Testing

@Suite("Marketo sandbox: limits and fault scenarios")
struct SandboxLimitTests {
    @Test("more than 100 calls in 20 s answer 606 and are not counted")
    func rateWindow() async throws {
        let options = MarketoSandboxOptions(seed: 5, records: 20, rateLimitCalls: 5)
        try await runAgainstMarketoSandbox(options) { http in
            let token = try await http.token()
            for _ in 0..<5 { #expect(try await http.get("/rest/v1/activities/types.json", token: token).success) }
            let used = http.sandbox.callsToday
            let limited = try await http.get("/rest/v1/activities/types.json", token: token)
            #expect(limited.status == 200)
            #expect(limited.errorCode == "606")
            #expect(http.sandbox.callsToday == used)
        }
    }

    @Test("under rate-limit every 5th call answers 606 and the retry succeeds")
    func rateLimitScenario() async throws {
        try await runAgainstMarketoSandbox(MarketoSandboxOptions(seed: 5, records: 20, scenarios: [.rateLimit])) { http in
            let token = try await http.token()
            var codes: [String?] = []
            for _ in 0..<6 { codes.append(try await http.get("/rest/v1/activities/types.json", token: token).errorCode) }
            #expect(codes == [nil, nil, nil, nil, "606", nil])
        }
    }

    @Test("under daily-quota the subscription runs out after 20 calls and then answers 607")
    func dailyQuotaScenario() async throws {
        try await runAgainstMarketoSandbox(MarketoSandboxOptions(seed: 5, records: 20, scenarios: [.dailyQuota])) { http in
            let token = try await http.token()
            for _ in 0..<20 { #expect(try await http.get("/rest/v1/activities/types.json", token: token).success) }
            #expect(try await http.get("/rest/v1/activities/types.json", token: token).errorCode == "607")
            #expect(try await http.get("/rest/v1/stats/usage.json", token: token).errorCode == "607")
        }
    }

    @Test("under flaky every 7th call answers 503 and every 3rd file download is cut short")
    func flakyScenario() async throws {
        try await runAgainstMarketoSandbox(MarketoSandboxOptions(seed: 5, records: 200, scenarios: [.flaky], pollsToComplete: 0)) { http in
            let token = try await http.token()
            var statuses: [Int] = []
            for _ in 0..<7 { statuses.append(try await http.get("/rest/v1/activities/types.json", token: token).status) }
            #expect(statuses == [200, 200, 200, 200, 200, 200, 503])
            let (start, end) = SandboxBulkExportTests.window(days: 30)
            let created = try await http.post("/bulk/v1/leads/export/create.json", token: token, json: [
                "fields": ["id", "email"], "filter": ["createdAt": ["startAt": .string(start), "endAt": .string(end)]],
            ])
            let id = try #require(created.result.first?["exportId"]?.stringValue)
            #expect(try await http.post("/bulk/v1/leads/export/\(id)/enqueue.json", token: token).result.first?["status"]?.stringValue == "Completed")
            var failures = 0
            for _ in 0..<3 {
                do {
                    let reply = try await http.get("/bulk/v1/leads/export/\(id)/file.json", token: token)
                    if reply.status != 200 { failures += 1 }
                } catch {
                    failures += 1
                }
            }
            #expect(failures == 1)
            #expect(http.sandbox.counters[MarketoCounter.droppedDownloads] == 1)
        }
    }

    @Test("the same seed and anchor generate the same subscription; change rounds are deterministic too")
    func determinism() async throws {
        let options = MarketoSandboxOptions(seed: 42, records: 120, clock: .fixed(milliseconds: 1_780_100_000_000), anchorSeconds: 1_780_000_000 - 1_780_000_000 % 86_400)
        let first = try await MarketoSandbox.start(options: options)
        let second = try await MarketoSandbox.start(options: options)
        #expect(first.store.liveLeadIDs == second.store.liveLeadIDs)
        #expect(first.store.leadValues(id: 17) == second.store.leadValues(id: 17))
        #expect(first.store.activityCounts == second.store.activityCounts)
        #expect(first.credentials == second.credentials)
        #expect(first.applyChanges() == second.applyChanges())
        await first.stop()
        await second.stop()
    }
}
