import Foundation
import HTTP
import SalesforceSandbox
import SandboxKit
import Singer
import Testing

@Suite("Fault scenarios")
struct ScenarioTests {
    @Test func tokenExpiryAnswers401AfterTheAllowedCallsAndAFreshLoginWorks() async throws {
        try await withSandbox(SalesforceSandboxOptions(seed: 1, records: 20, scenarios: [.tokenExpiry], callsPerToken: 3)) { client in
            let token = try await client.login()
            for _ in 0..<3 { #expect(try await client.get("/services/data/v61.0/limits", token: token).status == 200) }
            let expired = try await client.get("/services/data/v61.0/limits", token: token)
            #expect(expired.status == 401)
            #expect(expired.errorCode == "INVALID_SESSION_ID")
            #expect(expired.json[0]?["message"]?.stringValue == "Session expired or invalid")
            let fresh = try await client.login()
            #expect(fresh != token)
            #expect(try await client.get("/services/data/v61.0/limits", token: fresh).status == 200)
            #expect(client.sandbox.logins == 2)
            #expect(client.sandbox.counters[SalesforceCounter.invalidSessions] == 1)
            #expect(client.sandbox.requestLog.contains { $0.status == 401 && $0.errorCode == "INVALID_SESSION_ID" })
        }
    }

    @Test func flakyFailsEveryKthCallWith5xxAndTheNextCallSucceeds() async throws {
        let options = SalesforceSandboxOptions(seed: 1, records: 20, scenarios: [.flaky], flakyPeriod: 3, dropPeriod: 0)
        try await withSandbox(options) { client in
            let token = try await client.login()
            var statuses: [Int] = []
            var codes: [String?] = []
            for _ in 0..<6 {
                let reply = try await client.get("/services/data/v61.0/sobjects", token: token)
                statuses.append(reply.status)
                codes.append(reply.status >= 500 ? reply.errorCode : nil)
            }
            #expect(statuses == [200, 200, 503, 200, 200, 500])
            #expect(codes[2] == "SERVER_UNAVAILABLE")
            #expect(codes[5] == "UNKNOWN_EXCEPTION")
            #expect(client.sandbox.counters[SalesforceCounter.injectedErrors] == 2)
        }
    }

    @Test func flakyDropsTheConnectionMidBodyOnRecordResponses() async throws {
        let options = SalesforceSandboxOptions(seed: 1, records: 600, scenarios: [.flaky], flakyPeriod: 0, dropPeriod: 2)
        try await withSandbox(options) { client in
            let token = try await client.login()
            let soql = "SELECT Id, Name, Description FROM Opportunity"
            #expect(try await client.query(soql, token: token).status == 200)
            await #expect(throws: HTTPError.self) { _ = try await client.query(soql, token: token) }
            #expect(try await client.query(soql, token: token).status == 200)
            #expect(client.sandbox.counters[SalesforceCounter.droppedConnections] == 1)
            // Non-record calls are never cut.
            #expect(try await client.get("/services/data/v61.0/sobjects", token: token).status == 200)
        }
    }

    @Test func quotaStartsNearTheLimitAndRefusesCallsBeyondIt() async throws {
        try await withSandbox(SalesforceSandboxOptions(seed: 1, records: 20, scenarios: [.quota])) { client in
            let token = try await client.login()
            let limits = try await client.get("/services/data/v61.0/limits", token: token)
            #expect(limits.headers["Sforce-Limit-Info"]?.hasPrefix("api-usage=11951/15000") == true)
            #expect(limits.json["DailyApiRequests"]?["Max"]?.intValue == 15_000)
            #expect(limits.json["DailyApiRequests"]?["Remaining"]?.intValue == 15_000 - 11_951)
        }
        try await withSandbox(SalesforceSandboxOptions(seed: 1, records: 20, scenarios: [.quota], apiUsageBase: 14_998)) { client in
            let token = try await client.login()
            #expect(try await client.get("/services/data/v61.0/limits", token: token).status == 200)
            #expect(try await client.get("/services/data/v61.0/limits", token: token).status == 200)
            let refused = try await client.get("/services/data/v61.0/limits", token: token)
            #expect(refused.status == 403)
            #expect(refused.errorCode == "REQUEST_LIMIT_EXCEEDED")
            #expect(client.sandbox.apiUsage == 15_000)
        }
    }

    @Test func queryTimeoutRefusesWideWindowsOnBigObjectsOnly() async throws {
        try await withSandbox(SalesforceSandboxOptions(seed: 1, records: 300, scenarios: [.queryTimeout], queryTimeoutWindowDays: 100)) { client in
            let token = try await client.login()
            let wide = try await client.query("SELECT Id FROM Opportunity WHERE SystemModstamp >= 2023-01-01T00:00:00Z ORDER BY SystemModstamp ASC", token: token, all: true)
            #expect(wide.status == 400)
            #expect(wide.errorCode == "QUERY_TIMEOUT")
            #expect(try await client.query("SELECT Id FROM Opportunity", token: token).errorCode == "QUERY_TIMEOUT")
            let narrow = try await client.query("SELECT Id FROM Opportunity WHERE SystemModstamp >= 2024-01-01T00:00:00.000000Z AND SystemModstamp < 2024-03-01T00:00:00.000000Z", token: token, all: true)
            #expect(narrow.status == 200)
            #expect(try await client.query("SELECT Id FROM Account", token: token).status == 200)
            #expect(client.sandbox.counters[SalesforceCounter.queryTimeouts] == 2)
        }
    }

    @Test func bulkUnsupportedRefusesEveryBulkJob() async throws {
        try await withSandbox(SalesforceSandboxOptions(seed: 1, records: 20, scenarios: [.bulkUnsupported])) { client in
            let token = try await client.login()
            let reply = try await client.json(.post, "/services/data/v61.0/jobs/query", token: token, body: ["operation": "query", "query": "SELECT Id FROM Opportunity"])
            #expect(reply.status == 400)
            #expect(reply.errorCode == "INVALIDENTITY")
            #expect(reply.json[0]?["message"]?.stringValue == "Entity 'Opportunity' is not supported by the Bulk API.")
        }
    }

    @Test func scenarioListsParseAndNameUnknownEntries() throws {
        #expect(try ScenarioList.parse("token-expiry, flaky", as: SalesforceScenario.self) == [.tokenExpiry, .flaky])
        #expect(throws: ScenarioListError.self) { try ScenarioList.parse("flaky,nope", as: SalesforceScenario.self) }
    }
}
