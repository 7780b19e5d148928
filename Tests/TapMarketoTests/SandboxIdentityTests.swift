import MarketoSandbox
import SandboxKit
import Singer
import Testing

@Suite("Marketo sandbox: identity and envelope")
struct SandboxIdentityTests {
    @Test("client credentials give a bearer token that lives 3600 s and is reused until it expires")
    func tokenIsIssuedAndReused() async throws {
        try await runAgainstMarketoSandbox { http in
            let first = try await http.tokenReply()
            #expect(first.status == 200)
            #expect(first.json["token_type"]?.stringValue == "bearer")
            #expect(first.json["expires_in"]?.intValue == 3599)
            let token = try #require(first.json["access_token"]?.stringValue)
            #expect(token.hasSuffix(":ab"))
            let second = try await http.tokenReply()
            #expect(second.json["access_token"]?.stringValue == token)
            #expect(http.sandbox.counters[MarketoCounter.tokensIssued] == 1)
        }
    }

    @Test("bad client credentials give HTTP 401 with error unauthorized")
    func badCredentialsAreRefused() async throws {
        try await runAgainstMarketoSandbox { http in
            let wrongSecret = try await http.tokenReply(clientSecret: "nope")
            #expect(wrongSecret.status == 401)
            #expect(wrongSecret.json["error"]?.stringValue == "unauthorized")
            let unknownClient = try await http.tokenReply(clientID: "someone-else")
            #expect(unknownClient.status == 401)
            #expect(unknownClient.json["error_description"]?.stringValue?.contains("someone-else") == true)
        }
    }

    @Test("calls without, with an unknown or with an expired token answer 600/601/602 inside HTTP 200")
    func tokenErrorsUseTheEnvelope() async throws {
        try await runAgainstMarketoSandbox { http in
            let missing = try await http.send(.get, "/rest/v1/leads/describe.json")
            #expect(missing.status == 200)
            #expect(missing.success == false)
            #expect(missing.errorCode == "600")
            let unknown = try await http.get("/rest/v1/leads/describe.json", token: "not-a-token")
            #expect(unknown.errorCode == "601")
            let token = try await http.token()
            #expect(try await http.get("/rest/v1/leads/describe.json", token: token).success)
            http.sandbox.expireTokens()
            let expired = try await http.get("/rest/v1/leads/describe.json", token: token)
            #expect(expired.status == 200)
            #expect(expired.errorCode == "602")
            #expect(expired.json["requestId"]?.stringValue?.contains("#") == true)
            let renewed = try await http.token()
            #expect(renewed != token)
            #expect(try await http.get("/rest/v1/leads/describe.json", token: renewed).success)
        }
    }

    @Test("under token-expiry a token answers callsPerToken calls, then 602 until a new one is fetched")
    func tokenExpiryScenario() async throws {
        let options = MarketoSandboxOptions(seed: 3, records: 50, scenarios: [.tokenExpiry], callsPerToken: 3)
        try await runAgainstMarketoSandbox(options) { http in
            let token = try await http.token()
            for _ in 0..<3 { #expect(try await http.get("/rest/v1/activities/types.json", token: token).success) }
            #expect(try await http.get("/rest/v1/activities/types.json", token: token).errorCode == "602")
            let next = try await http.token()
            #expect(next != token)
            #expect(try await http.get("/rest/v1/activities/types.json", token: next).success)
        }
    }

    @Test("stats/usage.json reports today's total, which grows with each successful call")
    func usageCountsCalls() async throws {
        let options = MarketoSandboxOptions(seed: 3, records: 50, usageBase: 1_000)
        try await runAgainstMarketoSandbox(options) { http in
            let token = try await http.token()
            let first = try await http.get("/rest/v1/stats/usage.json", token: token)
            #expect(first.result.first?["total"]?.intValue == 1_001)
            _ = try await http.get("/rest/v1/leads/describe.json", token: token)
            _ = try await http.get("/rest/v1/leads/describe.json", token: "bad")
            let second = try await http.get("/rest/v1/stats/usage.json", token: token)
            #expect(second.result.first?["total"]?.intValue == 1_003)
            #expect(second.result.first?["date"]?.stringValue?.count == 10)
        }
    }
}
