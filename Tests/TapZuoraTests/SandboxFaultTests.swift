import Foundation
import HTTP
import Singer
import Testing
import ZuoraSandbox

@Suite("Zuora sandbox: faults and limits")
struct SandboxFaultTests {
    @Test func everyAnswerCarriesRateLimitHeadersAndTheRateLimitScenarioAnswers429() async throws {
        try await ZuoraSandboxTestClient.with(ZuoraSandboxOptions(records: 5, scenarios: [.rateLimit], rateLimitPeriod: 3)) { client in
            let token = try await client.login()
            var statuses: [Int] = []
            for _ in 0..<6 {
                let reply = try await client.call(.get, "/v1/describe", token: token)
                statuses.append(reply.status)
                #expect(reply.headers["RateLimit-Limit"] == "2500")
                #expect(reply.headers["RateLimit-Remaining"] != nil)
                if reply.status == 429 {
                    #expect(reply.headers["RateLimit-Remaining"] == "0")
                    #expect(reply.headers["Retry-After"] == "1")
                }
            }
            #expect(statuses == [200, 200, 429, 200, 200, 429])
        }
    }

    @Test func flakyScenarioInjects5xxAndCutsFileDownloadsShort() async throws {
        try await ZuoraSandboxTestClient.with(ZuoraSandboxOptions(records: 20, scenarios: [.flaky], flakyPeriod: 4, dropPeriod: 1)) { client in
            let token = try await client.login()
            var statuses: [Int] = []
            for _ in 0..<3 { statuses.append(try await client.call(.get, "/v1/describe", token: token).status) }
            let created = try await client.call(.post, "/v1/object/export", token: token, json: #"{"Query":"select Id, Name from Account","Format":"csv"}"#)
            statuses.append(created.status)
            #expect(statuses == [200, 200, 200, 503])
            let retried = try await client.call(.post, "/v1/object/export", token: token, json: #"{"Query":"select Id, Name from Account","Format":"csv"}"#)
            let id = try #require(retried.json["Id"]?.stringValue)
            let fileID = try #require(try await client.call(.get, "/v1/object/export/\(id)", token: token).json["FileId"]?.stringValue)
            await #expect(throws: HTTPError.self) { _ = try await client.call(.get, "/v1/files/\(fileID)", token: token) }
            #expect(client.sandbox.counters[ZuoraCounter.droppedConnections] == 1)
            #expect(client.sandbox.counters[ZuoraCounter.injectedErrors] == 1)
        }
    }

    @Test func sameSeedGivesTheSameTenant() async throws {
        let first = try await ZuoraSandboxTestClient.with(ZuoraSandboxOptions(seed: 7, records: 30)) { $0.sandbox.store.records(of: "RatePlanCharge") }
        let second = try await ZuoraSandboxTestClient.with(ZuoraSandboxOptions(seed: 7, records: 30)) { $0.sandbox.store.records(of: "RatePlanCharge") }
        let other = try await ZuoraSandboxTestClient.with(ZuoraSandboxOptions(seed: 8, records: 30)) { $0.sandbox.store.records(of: "RatePlanCharge") }
        #expect(first == second)
        #expect(first != other)
    }
}
