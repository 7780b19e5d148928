import Dispatch
import Foundation
import Testing

@testable import HTTP

/// Credentials on every attempt, renewed once after a 401, over the real test server.
/// Clients come from ``ClientFixture``, so a retry would be recorded, never slept.
@Suite struct HTTPAuthorizerTests {
    /// Hands out `token-1`, `token-2`, … and counts how often it was asked.
    final class TokenSource: @unchecked Sendable {
        private let lock = NSLock()
        private var issued = 0
        var count: Int { lock.withLock { issued } }

        func next() -> String {
            lock.withLock {
                issued += 1
                return "token-\(issued)"
            }
        }
    }

    /// A server that accepts only `Bearer <accepted>` and answers 401 otherwise.
    private func server(accepting accepted: String) throws -> TestHTTPServer {
        try TestHTTPServer { request, _ in
            request.headers["authorization"] == "Bearer \(accepted)"
                ? .ok("welcome")
                : .status(401, #"[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]"#)
        }
    }

    @Test func expiredTokenIsRenewedOnceAndTheRequestSentAgain() throws {
        let server = try server(accepting: "token-2")
        let tokens = TokenSource()
        let client = ClientFixture(authorizer: BearerTokenAuthorizer { tokens.next() }).client

        let response = try client.send(HTTPRequest(url: server.url("/data"), headers: ["Authorization": "stale"]))

        #expect(response.text == "welcome")
        #expect(tokens.count == 2)
        #expect(server.requests.map { $0.headers["authorization"] } == ["Bearer token-1", "Bearer token-2"])
    }

    @Test func aSecondUnauthorizedAnswerIsFinal() throws {
        let server = try server(accepting: "never")
        let tokens = TokenSource()
        let client = ClientFixture(authorizer: BearerTokenAuthorizer { tokens.next() }).client

        #expect(throws: HTTPError.self) { try client.send(HTTPRequest(url: server.url("/data"))) }
        #expect(server.requests.count == 2)
        #expect(tokens.count == 2)
    }

    @Test func tokenStaysCachedBetweenRequests() throws {
        let server = try server(accepting: "token-1")
        let tokens = TokenSource()
        let client = ClientFixture(authorizer: BearerTokenAuthorizer { tokens.next() }).client
        for _ in 0..<3 { _ = try client.send(HTTPRequest(url: server.url("/data"))) }
        #expect(tokens.count == 1)
    }

    @Test func withoutAnAuthorizerA401FailsAtOnce() throws {
        let server = try server(accepting: "x")
        let fixture = ClientFixture()
        do {
            _ = try fixture.client.send(HTTPRequest(url: server.url("/data")))
            Issue.record("expected a 401")
        } catch let error as HTTPError {
            #expect(error.status == 401)
            #expect(error.attempts == 1)
        }
    }

    @Test func aFailingTokenFetchIsReportedAsIs() throws {
        struct LoginRefused: Error {}
        let server = try server(accepting: "x")
        let client = ClientFixture(authorizer: BearerTokenAuthorizer { throw LoginRefused() }).client
        #expect(throws: LoginRefused.self) { try client.send(HTTPRequest(url: server.url("/data"))) }
        #expect(server.requests.isEmpty)
    }

    /// A client the authorizer's fetch closure can reach before the client exists.
    final class ClientBox: @unchecked Sendable {
        var client: HTTPClient?
    }

    @Test func tokenIsFetchedThroughTheSameClientWithoutItsOwnCredentials() throws {
        let tokens = TokenSource()
        let server = try TestHTTPServer { request, _ in
            if request.target == "/oauth/token" { return .ok(tokens.next()) }
            return request.headers["authorization"] == "Bearer token-2"
                ? .ok("welcome") : .status(401, #"{"error":"invalid_token"}"#)
        }
        let box = ClientBox()
        let authorizer = BearerTokenAuthorizer {
            let tokenRequest = HTTPRequest(method: .post, url: server.url("/oauth/token"), usesAuthorizer: false)
            return try box.client!.send(tokenRequest).text
        }
        box.client = ClientFixture(authorizer: authorizer).client

        let response = try #require(box.client).send(HTTPRequest(url: server.url("/data")))

        #expect(response.text == "welcome")
        #expect(server.requests.map(\.target) == ["/oauth/token", "/data", "/oauth/token", "/data"])
        // The token requests carry no Authorization header, in particular not the rejected token.
        #expect(server.requests.map { $0.headers["authorization"] } == [nil, "Bearer token-1", nil, "Bearer token-2"])
    }

    @Test func aTokenRequestThatForgetsToOptOutFailsInsteadOfRecursing() throws {
        let server = try server(accepting: "x")
        let box = ClientBox()
        let authorizer = BearerTokenAuthorizer { try box.client!.send(HTTPRequest(url: server.url("/oauth/token"))).text }
        box.client = ClientFixture(authorizer: authorizer).client

        #expect(throws: BearerTokenAuthorizer.ReentrantFetch.self) {
            try box.client!.send(HTTPRequest(url: server.url("/data")))
        }
        #expect(server.requests.isEmpty)
    }

    private static let unauthorized = HTTPStatusFailure(status: 401, headers: [:], body: Data(), bodyTruncated: false)

    @Test func renewingWithAnAlreadyReplacedTokenDoesNotFetchAgain() throws {
        let tokens = TokenSource()
        let authorizer = BearerTokenAuthorizer { tokens.next() }
        let rejected = try authorizer.authorizationHeaders()

        // Two requests were both rejected with token-1; only the first renewal fetches.
        #expect(try authorizer.renew(after: Self.unauthorized, rejected: rejected))
        #expect(try authorizer.renew(after: Self.unauthorized, rejected: rejected))

        #expect(tokens.count == 2)
        #expect(try authorizer.authorizationHeaders()["Authorization"] == "Bearer token-2")
    }

    @Test func concurrentRenewalsAfterTheSameRejectionFetchOnce() throws {
        let tokens = TokenSource()
        let authorizer = BearerTokenAuthorizer { tokens.next() }
        let rejected = try authorizer.authorizationHeaders()

        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            _ = try? authorizer.renew(after: Self.unauthorized, rejected: rejected)
        }

        #expect(tokens.count == 2)
    }

    @Test func concurrentFirstUsesFetchOnce() throws {
        let tokens = TokenSource()
        let authorizer = BearerTokenAuthorizer { tokens.next() }

        DispatchQueue.concurrentPerform(iterations: 16) { _ in _ = try? authorizer.authorizationHeaders() }

        #expect(tokens.count == 1)
    }
}
