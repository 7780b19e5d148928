import Foundation
import HTTP
import Testing

@Suite struct HTTPClientFailureTests {
    @Test func connectionRefusedIsRetriedThenFailsWithCurlError() throws {
        let refusing = try RefusingPort()
        let fixture = ClientFixture(retryPolicy: RetryPolicy(maxAttempts: 3))

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.send(HTTPRequest(url: refusing.url("/v1/data")))
        }

        #expect(error.curlCode == 7)
        #expect(error.attempts == 3)
        #expect(fixture.sleeps.all.count == 2)
        #expect(error.description.contains("curl error 7"))
        #expect(error.description.contains("after 3 attempts"))
        #expect(fixture.metrics.all.map(\.statusCode) == [nil, nil, nil])
    }

    @Test func postThatCouldNotConnectIsRetried() throws {
        let refusing = try RefusingPort()
        let fixture = ClientFixture(retryPolicy: RetryPolicy(maxAttempts: 2))

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.send(HTTPRequest(method: .post, url: refusing.url("/v1/jobs"), body: Data("{}".utf8)))
        }

        #expect(error.curlCode == 7)
        #expect(error.attempts == 2)
    }

    @Test func requestTimeoutFiresWhileTheServerStalls() throws {
        let serverDelay = 6.0
        let server = try TestHTTPServer(script: [
            ScriptedResponse(status: 200, body: Array("late".utf8), delayBeforeHead: .seconds(serverDelay)),
        ])
        let fixture = ClientFixture(retryPolicy: .never)
        let started = Date()

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.send(HTTPRequest(url: server.url("/slow"), timeout: .milliseconds(300)))
        }

        #expect(error.isTimeout)
        #expect(error.curlCode == 28)
        // Only "before the server would have answered": a tighter bound flakes on a loaded machine.
        #expect(Date().timeIntervalSince(started) < serverDelay)
    }

    @Test func stalledStreamIsAbortedByTheLowSpeedTimeout() throws {
        let body = Array(repeating: UInt8(ascii: "s"), count: 50_000)
        let server = try TestHTTPServer(script: [
            ScriptedResponse(status: 200, body: body, stallAfterBodyBytes: (10_000, .seconds(4))),
        ])
        // libcurl averages the rate over about five seconds, so a high floor
        // makes the stall register at once instead of after that window.
        let fixture = ClientFixture(configure: {
            $0.stallTimeout = .seconds(1)
            $0.stallMinimumBytesPerSecond = 1_000_000
        })
        var delivered = 0

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.stream(HTTPRequest(url: server.url("/export"))) { delivered += $0.count }
        }

        #expect(error.isTimeout)
        guard case .streamInterrupted(_, _, let bytesDelivered, _) = error else {
            Issue.record("expected streamInterrupted, got \(error)")
            return
        }
        #expect(bytesDelivered == 10_000)
        #expect(delivered == 10_000)
    }

    @Test func droppedConnectionAfterDeliveredDataFailsWithoutRetry() throws {
        let body = Array(repeating: UInt8(ascii: "z"), count: 1_000_000)
        let server = try TestHTTPServer(script: [
            ScriptedResponse(status: 200, body: body, dropAfterBodyBytes: 200_000), .ok("should never be fetched"),
        ])
        let fixture = ClientFixture(retryPolicy: RetryPolicy(maxAttempts: 5))
        var delivered = 0

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.stream(HTTPRequest(url: server.url("/export"))) { delivered += $0.count }
        }

        guard case .streamInterrupted(_, let failure, let bytesDelivered, let attempts) = error else {
            Issue.record("expected streamInterrupted, got \(error)")
            return
        }
        #expect(bytesDelivered == 200_000)
        #expect(delivered == 200_000)
        #expect(failure.code == 18)
        #expect(attempts == 1)
        #expect(server.requests.count == 1)
        #expect(fixture.sleeps.all.isEmpty)
        #expect(error.description.contains("Not retried"))
    }

    @Test func interruptedStreamCountsTheAttemptsBeforeIt() throws {
        let server = try TestHTTPServer(script: [
            .status(503, "busy"), .status(502, "bad gateway"),
            ScriptedResponse(status: 200, body: Array(repeating: 7, count: 100_000), dropAfterBodyBytes: 1_000),
        ])
        let fixture = ClientFixture(retryPolicy: RetryPolicy(maxAttempts: 5))

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.stream(HTTPRequest(url: server.url("/export"))) { _ in }
        }

        guard case .streamInterrupted = error else { Issue.record("expected streamInterrupted, got \(error)"); return }
        #expect(error.attempts == 3)
        #expect(error.description.contains("on attempt 3"))
    }

    @Test func connectionLostAfterTheHeadFailsTheStreamWithoutRunningOnHeadAgain() throws {
        let server = try TestHTTPServer(script: [
            ScriptedResponse(status: 200, body: Array(repeating: 1, count: 1_000), dropAfterBodyBytes: 0), .ok("second"),
        ])
        let fixture = ClientFixture(retryPolicy: RetryPolicy(maxAttempts: 5))
        var heads = 0
        var chunks = 0

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.stream(HTTPRequest(url: server.url("/export")), onHead: { _ in heads += 1 }) { _ in chunks += 1 }
        }

        guard case .streamInterrupted(_, _, let bytesDelivered, let attempts) = error else {
            Issue.record("expected streamInterrupted, got \(error)")
            return
        }
        #expect(heads == 1)
        #expect(chunks == 0)
        #expect(bytesDelivered == 0)
        #expect(attempts == 1)
        #expect(server.requests.count == 1)
    }

    @Test func bufferedSendRetriesAConnectionLostRightAfterTheHead() throws {
        let server = try TestHTTPServer(script: [
            ScriptedResponse(status: 200, body: Array(repeating: 1, count: 1_000), dropAfterBodyBytes: 0), .ok("second"),
        ])
        let fixture = ClientFixture()

        #expect(try fixture.client.send(HTTPRequest(url: server.url("/file"))).text == "second")
    }

    @Test func headerWithLineBreakIsRejectedBeforeSending() throws {
        let server = try TestHTTPServer(script: [.ok("unused")])
        let fixture = ClientFixture()
        var headers = HTTPHeaders()
        headers.add(name: "X-Note", value: "a\r\nX-Injected: yes")

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.send(HTTPRequest(url: server.url("/x"), headers: headers))
        }

        guard case .invalidRequest = error else { Issue.record("expected invalidRequest, got \(error)"); return }
        #expect(server.requests.isEmpty)
        #expect(error.description.contains("X-Note"))
    }

    @Test func nonHTTPURLIsRejectedAsInvalid() throws {
        let fixture = ClientFixture()

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.send(HTTPRequest(url: "file:///etc/passwd"))
        }

        guard case .invalidRequest = error else { Issue.record("expected invalidRequest, got \(error)"); return }
        #expect(fixture.sleeps.all.isEmpty)
    }

    @Test func secretsAreRedactedInErrorDescriptions() throws {
        let echoedSecrets = #"{"error":"invalid_client","client_secret":"SECRET-IN-BODY","hint":"password=SECRET-FORM"}"#
        let server = try TestHTTPServer(script: [.status(401, echoedSecrets)])
        let fixture = ClientFixture()
        let request = HTTPRequest(
            method: .post,
            url: server.url("/oauth/token?access_token=SECRET-IN-QUERY&page=2"),
            headers: ["Authorization": "Bearer SECRET-IN-HEADER", "X-API-Key": "SECRET-API-KEY"],
            body: Data("client_secret=SECRET-IN-REQUEST-BODY".utf8))

        let error = try #require(throws: HTTPError.self) { try fixture.client.send(request) }

        let text = error.description + "\n" + String(describing: error) + "\n" + fixture.logText()
        #expect(!text.contains("SECRET"))
        #expect(error.description.contains("access_token=***&page=2"))
        #expect(error.description.contains(#""client_secret":"***""#))
        #expect(error.description.contains("invalid_client"))
        #expect(error.status == 401)
    }

    @Test func vendorErrorCodeInTheBodyStaysInTheErrorTextWhileTokensAreRedacted() throws {
        let body = #"{"code":"90000011","message":"x","access_token":"tok-SECRET"}"#
        let server = try TestHTTPServer(script: [.status(400, body)])
        let fixture = ClientFixture()

        let error = try #require(throws: HTTPError.self) { try fixture.client.send(HTTPRequest(url: server.url("/v1/accounts"))) }

        #expect(error.description.contains(#"{"code":"90000011","message":"x","access_token":"***"}"#))
        #expect(!error.description.contains("tok-SECRET"))
    }

    @Test func errorDescriptionsUseTheConfiguredRedactor() throws {
        let server = try TestHTTPServer(script: [.status(400, #"{"entity_id":"E-HIDDEN","error":"bad"}"#)])
        let fixture = ClientFixture(configure: { $0.redactor = Redactor(additionalSensitiveNames: ["entity_id"]) })

        let error = try #require(throws: HTTPError.self) { try fixture.client.send(HTTPRequest(url: server.url("/v1/x"))) }

        #expect(!error.description.contains("E-HIDDEN"))
        #expect(error.description.contains(#""entity_id":"***""#))
    }
}
