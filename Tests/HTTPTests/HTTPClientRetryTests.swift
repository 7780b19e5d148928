import Foundation
import HTTP
import Testing

@Suite struct HTTPClientRetryTests {
    @Test func serviceUnavailableIsRetriedUntilSuccess() throws {
        let server = try TestHTTPServer(script: [.status(503, "busy"), .status(503, "busy"), .ok("done")])
        let fixture = ClientFixture(retryPolicy: RetryPolicy(maxAttempts: 3, baseDelay: .seconds(1), maxDelay: .seconds(30)))

        let response = try fixture.client.send(HTTPRequest(url: server.url("/v1/data")))

        #expect(response.text == "done")
        #expect(server.requests.count == 3)
        // Full jitter with the injected random 0.5: half of 1 s, then half of 2 s.
        #expect(fixture.sleeps.all == [.milliseconds(500), .seconds(1)])
    }

    @Test func retryWarningsNameStatusAttemptAndDelay() throws {
        let server = try TestHTTPServer(script: [.status(502), .ok("done")])
        let fixture = ClientFixture()

        _ = try fixture.client.send(HTTPRequest(url: server.url("/v1/data?client_secret=hush")))

        let warnings = fixture.logs.all.filter { $0.level == .warning }
        #expect(warnings.count == 1)
        let message = try #require(warnings.first?.message)
        #expect(message.contains("HTTP 502"))
        #expect(message.contains("attempt 1 of 3"))
        #expect(message.contains("retrying in 0.500 s"))
        #expect(!fixture.logText().contains("hush"))
    }

    @Test func retryAfterInSecondsIsHonoured() throws {
        let server = try TestHTTPServer(script: [.status(429, "slow down", headers: [("Retry-After", "7")]), .ok("done")])
        let fixture = ClientFixture()

        _ = try fixture.client.send(HTTPRequest(url: server.url("/v1/data")))

        #expect(fixture.sleeps.all == [.seconds(7)])
    }

    @Test func rateLimitResetIsHonouredOnTooManyRequestsWithoutRetryAfter() throws {
        // Zuora's 429s carry ratelimit-limit/-remaining/-reset, not Retry-After.
        let server = try TestHTTPServer(script: [
            .status(429, "", headers: [("ratelimit-limit", "100"), ("ratelimit-remaining", "0"), ("ratelimit-reset", "12")]),
            .status(429, "", headers: [("RateLimit-Reset", "30"), ("Retry-After", "3")]), .ok("done"),
        ])
        let fixture = ClientFixture()

        _ = try fixture.client.send(HTTPRequest(url: server.url("/v1/data")))

        #expect(fixture.sleeps.all == [.seconds(12), .seconds(3)])
    }

    @Test func retryAfterAsHTTPDateIsHonoured() throws {
        let now = Date(timeIntervalSince1970: 1_445_412_470) // Wed, 21 Oct 2015 07:27:50 GMT
        let server = try TestHTTPServer(script: [
            .status(503, "", headers: [("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")]), .ok("done"),
        ])
        let fixture = ClientFixture(now: now)

        _ = try fixture.client.send(HTTPRequest(url: server.url("/v1/data")))

        #expect(fixture.sleeps.all == [.seconds(10)])
    }

    @Test func retryAfterIsCappedByMaxDelay() throws {
        let server = try TestHTTPServer(script: [.status(429, "", headers: [("Retry-After", "86400")]), .ok("done")])
        let fixture = ClientFixture(retryPolicy: RetryPolicy(maxAttempts: 2, maxDelay: .seconds(45)))

        _ = try fixture.client.send(HTTPRequest(url: server.url("/v1/data")))

        #expect(fixture.sleeps.all == [.seconds(45)])
    }

    @Test func tooManyRequestsExhaustsAttemptsAndReportsStatusAttemptsAndBodyExcerpt() throws {
        let body = #"{"error":"REQUEST_LIMIT_EXCEEDED","detail":""# + String(repeating: "x", count: 2_000) + #""}"#
        let server = try TestHTTPServer(script: [.status(429, body)])
        let fixture = ClientFixture(retryPolicy: RetryPolicy(maxAttempts: 3))

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.send(HTTPRequest(url: server.url("/v1/data")))
        }

        #expect(error.status == 429)
        #expect(error.attempts == 3)
        #expect(server.requests.count == 3)
        #expect(fixture.sleeps.all.count == 2)
        let description = error.description
        #expect(description.contains("GET \(server.url("/v1/data"))"))
        #expect(description.contains("HTTP 429"))
        #expect(description.contains("after 3 attempts"))
        #expect(description.contains("REQUEST_LIMIT_EXCEEDED"))
        #expect(description.hasSuffix("…"))
        #expect(description.count < 800, "the body excerpt must be truncated to about 500 bytes")
    }

    @Test func badRequestFailsAtOnceWithoutRetrying() throws {
        let server = try TestHTTPServer(script: [.status(400, #"{"message":"MALFORMED_QUERY"}"#)])
        let fixture = ClientFixture()

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.send(HTTPRequest(url: server.url("/v1/query")))
        }

        #expect(error.status == 400)
        #expect(error.attempts == 1)
        #expect(server.requests.count == 1)
        #expect(fixture.sleeps.all.isEmpty)
        #expect(error.description.contains("MALFORMED_QUERY"))
    }

    @Test func bufferedSendRetriesAConnectionDroppedMidBody() throws {
        let body = Array(repeating: UInt8(ascii: "a"), count: 300_000)
        let server = try TestHTTPServer(script: [
            ScriptedResponse(status: 200, body: body, dropAfterBodyBytes: 100_000),
            ScriptedResponse(status: 200, body: body),
        ])
        let fixture = ClientFixture()

        let response = try fixture.client.send(HTTPRequest(url: server.url("/file")))

        #expect(response.body.count == body.count, "the partial first body must be discarded, not prepended")
        #expect(server.requests.count == 2)
    }

    @Test func postAnsweredWithServerErrorIsNotRetried() throws {
        let server = try TestHTTPServer(script: [.status(500, "oops"), .ok("created twice")])
        let fixture = ClientFixture()

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.send(HTTPRequest(method: .post, url: server.url("/v1/jobs"), body: Data("{}".utf8)))
        }

        #expect(error.status == 500)
        #expect(error.attempts == 1)
        #expect(server.requests.count == 1)
        #expect(fixture.sleeps.all.isEmpty)
    }

    @Test func postAnsweredServiceUnavailableOrTooManyRequestsIsRetried() throws {
        let server = try TestHTTPServer(script: [.status(503, "busy"), .status(429, "slow down"), .ok("created")])
        let fixture = ClientFixture()

        let response = try fixture.client.send(HTTPRequest(method: .post, url: server.url("/v1/jobs"), body: Data("{}".utf8)))

        #expect(response.text == "created")
        #expect(server.requests.count == 3)
    }

    @Test func postMarkedIdempotentIsRetriedAfterServerError() throws {
        let server = try TestHTTPServer(script: [.status(500, "oops"), .ok("results")])
        let fixture = ClientFixture()

        let response = try fixture.client.send(HTTPRequest(
            method: .post, url: server.url("/v1/search"), body: Data("{}".utf8), isIdempotent: true))

        #expect(response.text == "results")
        #expect(server.requests.count == 2)
    }

    @Test func patchIsNotRetriedAfterTheConnectionBrokeMidResponse() throws {
        let server = try TestHTTPServer(script: [
            ScriptedResponse(status: 200, body: Array(repeating: 1, count: 10_000), dropAfterBodyBytes: 10), .ok("again"),
        ])
        let fixture = ClientFixture()

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.send(HTTPRequest(method: .patch, url: server.url("/v1/item"), body: Data("{}".utf8)))
        }

        #expect(error.curlCode == 18)
        #expect(server.requests.count == 1)
    }

    @Test func idempotenceDefaultsFromTheMethod() {
        let idempotent: [HTTPMethod] = [.get, .head, .put, .delete, .options]
        #expect(idempotent.allSatisfy { HTTPRequest(method: $0, url: "http://h/").isIdempotent })
        #expect(![HTTPMethod.post, .patch, "PURGE"].contains { HTTPRequest(method: $0, url: "http://h/").isIdempotent })
        #expect(HTTPRequest(method: .put, url: "http://h/", isIdempotent: false).isIdempotent == false)
    }
}
