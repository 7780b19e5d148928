import Foundation
import HTTP
import Testing

@Suite struct HTTPClientStreamingTests {
    /// 20 MB of numbered lines, so any lost or split line is detectable.
    static let largeBody: [UInt8] = {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(21_000_000)
        var number = 0
        while bytes.count < 20_000_000 {
            bytes.append(contentsOf: "{\"id\":\(number),\"name\":\"row \(number)\"}\n".utf8)
            number += 1
        }
        return bytes
    }()

    static var largeBodyLineCount: Int { largeBody.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }

    @Test func largeChunkedBodyArrivesInManyChunksWithNothingLost() throws {
        let body = Self.largeBody
        let server = try TestHTTPServer(script: [ScriptedResponse(status: 200, body: body, chunked: true, chunkSize: 100_003)])
        let fixture = ClientFixture()
        var chunks = 0
        var total = 0
        var largestChunk = 0
        var headStatus: Int?

        try fixture.client.stream(HTTPRequest(url: server.url("/export")), onHead: { headStatus = $0.status }) { chunk in
            #expect(headStatus == 200, "the head must arrive before the first chunk")
            chunks += 1
            total += chunk.count
            largestChunk = max(largestChunk, chunk.count)
        }

        #expect(total == body.count)
        #expect(chunks > 100)
        #expect(largestChunk < body.count / 10, "the body must not be delivered in one piece")
    }

    @Test func streamedLinesSurviveChunkBoundaries() throws {
        let body = Self.largeBody
        // An odd chunk size guarantees lines straddle chunk boundaries.
        let server = try TestHTTPServer(script: [ScriptedResponse(status: 200, body: body, chunked: true, chunkSize: 7_777)])
        let fixture = ClientFixture()
        var count = 0
        var malformed = 0

        try fixture.client.streamLines(HTTPRequest(url: server.url("/export.jsonl"))) { line in
            let expected = "{\"id\":\(count),\"name\":\"row \(count)\"}"
            if line.count != expected.utf8.count || String(decoding: line, as: UTF8.self) != expected { malformed += 1 }
            count += 1
        }

        #expect(count == Self.largeBodyLineCount)
        #expect(malformed == 0)
    }

    @Test func csvLinesKeepQuotedLineBreaksAndDropCarriageReturns() throws {
        let csv = "Id,Note\r\n1,\"two\nlines\"\r\n2,plain\r\n3,last"
        let server = try TestHTTPServer(script: [ScriptedResponse(status: 200, body: Array(csv.utf8), chunked: true, chunkSize: 3)])
        let fixture = ClientFixture()
        var lines: [String] = []

        try fixture.client.streamLines(HTTPRequest(url: server.url("/bulk.csv")), splitting: .csv) {
            lines.append(String(decoding: $0, as: UTF8.self))
        }

        #expect(lines == ["Id,Note", "1,\"two\nlines\"", "2,plain", "3,last"])
    }

    @Test func errorThrownByTheConsumerAbortsTheTransferAndIsRethrown() throws {
        struct StopHere: Error {}
        let server = try TestHTTPServer(script: [ScriptedResponse(status: 200, body: Self.largeBody, chunked: true)])
        let fixture = ClientFixture()
        var delivered = 0

        #expect(throws: StopHere.self) {
            try fixture.client.stream(HTTPRequest(url: server.url("/export"))) { chunk in
                delivered += chunk.count
                if delivered > 100_000 { throw StopHere() }
            }
        }
        #expect(delivered < Self.largeBody.count)
        #expect(server.requests.count == 1)
        #expect(fixture.sleeps.all.isEmpty)
    }

    @Test func nonSuccessBodyNeverReachesTheStreamConsumer() throws {
        let server = try TestHTTPServer(script: [.status(404, #"{"error":"NOT_FOUND"}"#)])
        let fixture = ClientFixture()
        var chunks = 0
        var heads = 0

        let error = try #require(throws: HTTPError.self) {
            try fixture.client.stream(HTTPRequest(url: server.url("/missing")), onHead: { _ in heads += 1 }) { _ in chunks += 1 }
        }
        #expect(error.status == 404)
        #expect(chunks == 0)
        #expect(heads == 0)
        guard case .status(_, let failure, _) = error else { Issue.record("expected a status error"); return }
        #expect(String(decoding: failure.body, as: UTF8.self) == #"{"error":"NOT_FOUND"}"#)
    }

    @Test func sendingThroughTheSameClientFromAHandlerFailsInsteadOfDeadlocking() throws {
        let server = try TestHTTPServer(script: [.ok("outer body"), .ok("inner")])
        let fixture = ClientFixture()
        var nestedError: HTTPError?

        try fixture.client.stream(HTTPRequest(url: server.url("/outer"))) { _ in
            do {
                _ = try fixture.client.send(HTTPRequest(url: server.url("/inner")))
            } catch let error as HTTPError {
                nestedError = error
            }
        }

        let error = try #require(nestedError)
        guard case .invalidRequest(_, let reason) = error else { Issue.record("expected invalidRequest, got \(error)"); return }
        #expect(reason.contains("same HTTPClient"))
        #expect(server.requests.map(\.target) == ["/outer"])
    }

    @Test func anotherThreadWaitsForTheTransferInsteadOfFailing() throws {
        let server = try TestHTTPServer(script: [.ok("one"), .ok("two")])
        let fixture = ClientFixture()
        let secondResult = Recorder<String>()

        try fixture.client.stream(HTTPRequest(url: server.url("/first"))) { _ in
            // Started from inside the handler, but on its own thread: it waits for the lock.
            Thread.detachNewThread {
                if let text = try? fixture.client.send(HTTPRequest(url: server.url("/second"))).text { secondResult.append(text) }
            }
        }
        let deadline = Date().addingTimeInterval(20)
        while secondResult.all.isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }

        #expect(secondResult.all == ["two"])
    }
}
