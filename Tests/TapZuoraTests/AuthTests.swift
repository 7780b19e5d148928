import Foundation
import HTTP
import Testing
@testable import TapZuora

@Suite struct AuthTests {
    @Test func tokenResponseGivesTheTokenAndWhenToRenewIt() throws {
        let now = ContinuousClock().now
        let body = Data(#"{"access_token":"abc","token_type":"bearer","expires_in":3599,"scope":"x","jti":"j"}"#.utf8)
        let token = try #require(OAuthToken(json: body, receivedAt: now))
        #expect(token.accessToken == "abc")
        #expect(!token.isExpiring(at: now + .seconds(3000), margin: .seconds(60)))
        #expect(token.isExpiring(at: now + .seconds(3540), margin: .seconds(60)))
        #expect(OAuthToken(json: Data(#"{"error":"invalid_client"}"#.utf8), receivedAt: now) == nil)
        let forever = try #require(OAuthToken(json: Data(#"{"access_token":"t"}"#.utf8), receivedAt: now))
        #expect(!forever.isExpiring(at: now + .seconds(1_000_000), margin: .seconds(60)))
    }

    @Test func oauthAuthorizerRenewsBeforeExpiryAndAfterARejection() throws {
        let counter = Counter()
        // Tokens that are already within the renewal margin: every request needs a new one.
        let authorizer = OAuthAuthorizer(margin: .seconds(60)) {
            OAuthToken(accessToken: "t\(counter.next())", expiresAt: ContinuousClock().now + .seconds(30))
        }
        #expect(try authorizer.authorizationHeaders()["Authorization"] == "Bearer t1")
        #expect(try authorizer.authorizationHeaders()["Authorization"] == "Bearer t2")
        let lasting = OAuthAuthorizer { OAuthToken(accessToken: "l\(counter.next())", expiresAt: nil) }
        let first = try lasting.authorizationHeaders()
        #expect(try lasting.authorizationHeaders() == first)
        let failure = HTTPStatusFailure(status: 401, headers: [:], body: Data(), bodyTruncated: false)
        #expect(try lasting.renew(after: failure, rejected: first))
        #expect(try lasting.authorizationHeaders() != first)
        // A rejection with an older token does not fetch again.
        let current = try lasting.authorizationHeaders()
        #expect(try lasting.renew(after: failure, rejected: first))
        #expect(try lasting.authorizationHeaders() == current)
    }

    @Test func legacyHeadersCarryTheUserAndPassword() throws {
        let headers = try LegacyHeaderAuthorizer(username: "u", password: "p").authorizationHeaders()
        #expect(headers["apiAccessKeyId"] == "u")
        #expect(headers["apiSecretAccessKey"] == "p")
    }
}

/// A thread-safe counter for token fetch closures.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}
