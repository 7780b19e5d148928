import Foundation
import Testing

@testable import Singer

/// Bad input files are usage errors (2), like a bad config; bad data and lost output are
/// runtime failures (1).
@Suite struct ExitStatusTests {
    @Test func aCatalogThatParsesButIsWrongExitsTwo() {
        do {
            _ = try Catalog(json: ["streams": [["schema": [:]]]])
            Issue.record("a catalog entry without a stream name was accepted")
        } catch {
            #expect(ConnectorRunner.exitStatus(for: error) == .usage)
        }
    }

    @Test func aMalformedStateFileExitsTwoButUnsortedRecordsExitOne() {
        do {
            _ = try State(json: ["bookmarks": "Account"])
            Issue.record("bookmarks that are a string were accepted")
        } catch {
            #expect(ConnectorRunner.exitStatus(for: error) == .usage)
        }
        let unsorted = StateError.unsortedReplicationValue(stream: "Account", replicationKey: "SystemModstamp", bookmark: "b", value: "a")
        #expect(ConnectorRunner.exitStatus(for: unsorted) == .failure)
    }

    @Test func aClosedPipeExitsOneAndNothingIsWrittenTwice() throws {
        signal(SIGPIPE, SIG_IGN)
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        defer { close(ends[1]) }
        let output = MessageWriter(fileDescriptor: ends[1])
        do {
            try output.write(.state(StateMessage(value: ["a": 1])))
            Issue.record("writing to a closed pipe succeeded")
        } catch {
            #expect(error is DownstreamClosedError)
            #expect(ConnectorRunner.exitStatus(for: error) == .failure)
        }
        // The failed batch was dropped: flushing again has nothing left to send.
        #expect(throws: Never.self) { try output.flush() }
    }
}

@Suite struct InputFilesTests {
    private func file(_ text: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("input-\(UUID()).json").path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    @Test func catalogAndStateFilesAreReadWithTheirPathInErrors() throws {
        let catalogPath = file(#"{"streams":[{"stream":"Account","tap_stream_id":"Account","schema":{},"metadata":[]}]}"#)
        let statePath = file(#"{"current_stream":"Account","bookmarks":{"Account":{"SystemModstamp":"2024-01-01T00:00:00Z"}}}"#)
        let badPath = file(#"{"streams":[{"schema":{}}]}"#)
        defer { for path in [catalogPath, statePath, badPath] { try? FileManager.default.removeItem(atPath: path) } }

        #expect(try Catalog(contentsOf: catalogPath).streams.map(\.stream) == ["Account"])
        #expect(try State(contentsOf: statePath).currentStream == "Account")
        do {
            _ = try Catalog(contentsOf: badPath)
            Issue.record("a catalog entry without a stream was accepted")
        } catch {
            #expect("\(error)".hasPrefix("\(badPath): catalog streams[0]"))
            #expect(ConnectorRunner.exitStatus(for: error) == .usage)
        }
    }
}
