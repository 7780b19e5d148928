import Foundation
import HTTP
import Testing

@Suite struct HTTPClientRoundTripTests {
    @Test func getSendsHeadersAndReturnsStatusHeadersAndBody() throws {
        let server = try TestHTTPServer(script: [.ok(#"{"ok":true}"#, headers: [("X-Request-Id", "abc-123")])])
        let fixture = ClientFixture()

        let response = try fixture.client.send(HTTPRequest(url: server.url("/v1/items?page=2"), headers: ["Accept": "application/json"]))

        #expect(response.status == 200)
        #expect(response.text == #"{"ok":true}"#)
        #expect(response.headers["x-request-id"] == "abc-123")
        #expect(response.headers["X-REQUEST-ID"] == "abc-123")
        let received = try #require(server.requests.first)
        #expect(received.method == "GET")
        #expect(received.target == "/v1/items?page=2")
        #expect(received.headers["accept"] == "application/json")
    }

    @Test func postSendsBodyAndServerReplyComesBack() throws {
        let server = try TestHTTPServer { request, _ in .status(201, "echo:" + request.text) }
        let fixture = ClientFixture()
        let payload = #"{"object":"Account"}"#

        let response = try fixture.client.send(HTTPRequest(
            method: .post, url: server.url("/jobs"),
            headers: ["Content-Type": "application/json"], body: Data(payload.utf8)))

        #expect(response.status == 201)
        #expect(response.text == "echo:" + payload)
        let received = try #require(server.requests.first)
        #expect(received.method == "POST")
        #expect(received.headers["content-type"] == "application/json")
        #expect(received.headers["content-length"] == "\(payload.utf8.count)")
        #expect(received.headers["expect"] == nil)
    }

    @Test func customMethodsAndEmptyBodiesAreSentAsGiven() throws {
        let server = try TestHTTPServer { request, _ in .ok("\(request.method) \(request.body.count)") }
        let fixture = ClientFixture()

        let patch = try fixture.client.send(HTTPRequest(method: .patch, url: server.url("/x"), body: Data("ab".utf8)))
        let delete = try fixture.client.send(HTTPRequest(method: .delete, url: server.url("/x")))
        let emptyPost = try fixture.client.send(HTTPRequest(method: .post, url: server.url("/x")))

        #expect(patch.text == "PATCH 2")
        #expect(delete.text == "DELETE 0")
        #expect(emptyPost.text == "POST 0")
        #expect(server.requests[2].headers["content-length"] == "0")
    }

    @Test func consecutiveRequestsReuseOneKeepAliveConnection() throws {
        let server = try TestHTTPServer(script: [.ok("one"), .ok("two"), .ok("three")])
        let fixture = ClientFixture()

        for _ in 0..<3 { _ = try fixture.client.send(HTTPRequest(url: server.url("/ping"))) }

        #expect(server.requests.count == 3)
        #expect(server.connectionCount == 1)
    }

    @Test func gzipEncodedResponseIsDecoded() throws {
        let server = try TestHTTPServer(script: [
            ScriptedResponse(status: 200, headers: [("Content-Encoding", "gzip")], body: gzippedHelloWorld),
        ])
        let fixture = ClientFixture()

        let response = try fixture.client.send(HTTPRequest(url: server.url("/export.gz")))

        #expect(response.text == "hello gzip world\n")
        #expect(server.requests.first?.headers["accept-encoding"]?.contains("gzip") == true)
    }

    @Test func explicitProxyReceivesTheAbsoluteRequestURL() throws {
        let proxy = try TestHTTPServer(script: [.ok("via proxy")])
        let fixture = ClientFixture(configure: { $0.proxy = proxy.url() })

        let response = try fixture.client.send(HTTPRequest(url: "http://api.example.invalid/v1/ping"))

        #expect(response.text == "via proxy")
        #expect(proxy.requests.first?.target == "http://api.example.invalid/v1/ping")
    }

    @Test func metricsHookReportsEndpointStatusAndOutcomeOfEachAttempt() throws {
        let server = try TestHTTPServer(script: [.status(503), .ok("fine")])
        let fixture = ClientFixture()

        _ = try fixture.client.send(HTTPRequest(url: server.url("/v1/query?access_token=s3cr3t")))

        let metrics = fixture.metrics.all
        #expect(metrics.map(\.endpoint) == ["/v1/query", "/v1/query"])
        #expect(metrics.map(\.statusCode) == [503, 200])
        #expect(metrics.map(\.succeeded) == [false, true])
        #expect(metrics.map(\.attempt) == [1, 2])
        #expect(metrics.allSatisfy { $0.durationSeconds >= 0 })
    }

    @Test func eachAttemptIsLoggedAtDebugWithRedactedURLAndStatus() throws {
        let server = try TestHTTPServer(script: [.ok("fine")])
        let fixture = ClientFixture()

        _ = try fixture.client.send(HTTPRequest(url: server.url("/v1/me?access_token=s3cr3t&page=1")))

        let debug = fixture.logText(at: .debug)
        #expect(debug.contains("GET \(server.url("/v1/me"))?access_token=***&page=1"))
        #expect(debug.contains("HTTP 200"))
        #expect(!fixture.logText().contains("s3cr3t"))
    }
}
