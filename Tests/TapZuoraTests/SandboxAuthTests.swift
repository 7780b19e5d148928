import Foundation
import HTTP
import Singer
import Testing
import ZuoraSandbox

@Suite("Zuora sandbox: authentication")
struct SandboxAuthTests {
    @Test func clientCredentialsGrantReturnsABearerTokenThatAuthorizesCalls() async throws {
        try await ZuoraSandboxTestClient.with { client in
            let reply = try await client.token()
            #expect(reply.status == 200)
            #expect(reply.json["token_type"]?.stringValue == "bearer")
            #expect(reply.json["expires_in"]?.intValue == 3599)
            let token = try #require(reply.json["access_token"]?.stringValue)
            let described = try await client.call(.get, "/v1/describe", token: token)
            #expect(described.status == 200)
            #expect(described.headers["Zuora-Request-Id"]?.count == 36)
            #expect(client.sandbox.counters[ZuoraCounter.tokensIssued] == 1)
        }
    }

    @Test func wrongSecretOrGrantTypeIsRefused() async throws {
        try await ZuoraSandboxTestClient.with { client in
            let badSecret = try await client.token(clientSecret: "nope")
            #expect(badSecret.status == 401)
            #expect(badSecret.json["error"]?.stringValue == "invalid_client")
            let badGrant = try await client.token(grantType: "password")
            #expect(badGrant.status == 400)
            #expect(badGrant.json["error"]?.stringValue == "unsupported_grant_type")
        }
    }

    @Test func legacyAPIKeyHeadersAuthenticateAndWrongOnesGet401() async throws {
        try await ZuoraSandboxTestClient.with { client in
            let credentials = client.sandbox.credentials
            let good = try await client.send(.get, "/v1/describe/Account", headers: [
                "apiAccessKeyId": credentials.username, "apiSecretAccessKey": credentials.password,
            ])
            #expect(good.status == 200)
            let bad = try await client.send(.get, "/v1/describe/Account", headers: [
                "apiAccessKeyId": credentials.username, "apiSecretAccessKey": "wrong",
            ])
            #expect(bad.status == 401)
            #expect(bad.json["success"]?.boolValue == false)
            let none = try await client.send(.get, "/v1/describe/Account")
            #expect(none.status == 401)
            #expect(client.sandbox.counters[ZuoraCounter.legacyAuthCalls] == 1)
        }
    }

    @Test func tokenExpiryScenarioRejectsATokenAfterItsCallsAndANewTokenWorks() async throws {
        try await ZuoraSandboxTestClient.with(ZuoraSandboxOptions(records: 10, scenarios: [.tokenExpiry], callsPerToken: 3)) { client in
            let token = try await client.login()
            for _ in 0..<3 { #expect(try await client.call(.get, "/v1/describe", token: token).status == 200) }
            let expired = try await client.call(.get, "/v1/describe", token: token)
            #expect(expired.status == 401)
            let fresh = try await client.login()
            #expect(try await client.call(.get, "/v1/describe", token: fresh).status == 200)
        }
    }

    @Test func tokensStopWorkingAfterExpiresInOnTheSandboxClock() async throws {
        try await ZuoraSandboxTestClient.with(ZuoraSandboxOptions(records: 5, tokenLifetimeSeconds: 0)) { client in
            let reply = try await client.token()
            #expect(reply.json["expires_in"]?.intValue == 0)
            let token = try #require(reply.json["access_token"]?.stringValue)
            #expect(try await client.call(.get, "/v1/describe", token: token).status == 401)
        }
    }
}
