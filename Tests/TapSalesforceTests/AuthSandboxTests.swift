import Foundation
import SalesforceSandbox
import Singer
import Testing
@testable import TapSalesforce

@Suite("Auth against the sandbox")
struct AuthSandboxTests {
    typealias Fixture = ClientSandboxFixture

    @Test(arguments: Fixture.Grant.allCases)
    func everyGrantLogsInAndUsesTheReturnedInstance(grant: Fixture.Grant) async throws {
        try await Fixture.withSandbox { sandbox in
            let client = try Fixture.client(sandbox, grant: grant)
            let limits = try await Fixture.offPool { try client.getJSON(client.dataPath + "/limits") }
            #expect(limits["DailyApiRequests"]?["Max"]?.intValue != nil)
            #expect(try client.instanceURL() == sandbox.baseURL)
            let counter = switch grant {
            case .refreshToken: SalesforceCounter.refreshTokenLogins
            case .password: SalesforceCounter.passwordLogins
            case .jwt: SalesforceCounter.jwtLogins
            }
            #expect(sandbox.counters[counter] == 1)
            #expect(sandbox.logins == 1)
        }
    }

    @Test func wrongPasswordIsAnAuthenticationErrorNamingTheGrant() async throws {
        try await Fixture.withSandbox { sandbox in
            let client = try Fixture.client(sandbox, grant: .password, extra: ["password": "not-the-password"])
            let error = await #expect(throws: SalesforceError.self) {
                try await Fixture.offPool { _ = try client.logIn() }
            }
            #expect(error?.description.contains("invalid_grant") == true)
            #expect(error?.description.contains("password grant") == true)
            #expect(error?.description.contains("not-the-password") == false)
            #expect(error?.exitStatus == .usage)
        }
    }

    @Test func jwtSignedWithAnotherKeyIsRejected() async throws {
        try await Fixture.withSandbox { sandbox in
            let otherKey = try _RSAKeyFactory.pem()
            let client = try Fixture.client(sandbox, grant: .jwt, extra: ["private_key": .string(otherKey)])
            await #expect(throws: SalesforceError.self) {
                try await Fixture.offPool { _ = try client.logIn() }
            }
            #expect(sandbox.logins == 0)
        }
    }

    @Test func expiredSessionLogsInAgainOnceAndRepeatsTheCall() async throws {
        let options = SalesforceSandboxOptions(records: 20, scenarios: [.tokenExpiry], callsPerToken: 2)
        try await Fixture.withSandbox(options) { sandbox in
            let client = try Fixture.client(sandbox)
            for _ in 0..<5 {
                _ = try await Fixture.offPool { try client.getJSON(client.dataPath + "/limits") }
            }
            // Tokens answer 2 calls each: calls 3 and 5 were refused once and repeated.
            #expect(sandbox.logins == 3)
            #expect(sandbox.counters[SalesforceCounter.invalidSessions] == 2)
            let refusals = sandbox.requestLog.filter { $0.errorCode == "INVALID_SESSION_ID" }
            #expect(refusals.count == 2)
        }
    }

    @Test func rotatedRefreshTokenIsUsedForLaterLogins() async throws {
        let options = SalesforceSandboxOptions(records: 20, scenarios: [.tokenExpiry], callsPerToken: 1, rotatesRefreshTokens: true)
        try await Fixture.withSandbox(options) { sandbox in
            let client = try Fixture.client(sandbox)
            for _ in 0..<3 {
                _ = try await Fixture.offPool { try client.getJSON(client.dataPath + "/limits") }
            }
            // Each login invalidated the token before it; logging in with the configured one again would fail.
            #expect(sandbox.counters[SalesforceCounter.refreshTokenLogins] == 3)
            #expect(sandbox.counters[SalesforceCounter.loginFailures] == 0)
        }
    }
}

import _CryptoExtras

/// A fresh RSA key unknown to the sandbox.
enum _RSAKeyFactory {
    static func pem() throws -> String { try _RSA.Signing.PrivateKey(keySize: .bits2048).pemRepresentation }
}
