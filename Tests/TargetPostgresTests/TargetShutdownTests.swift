import Foundation
import Postgres
import PostgresTestSupport
import Singer
import Testing

@testable import Singer
@testable import TargetPostgres

/// SIGTERM (SIGUSR1 here, so the test runner keeps its own handlers) while the tap is still
/// writing: what was read is committed, its state written, and the run ends without an error.
@Suite(.serialized) struct TargetShutdownTests {
    @Test func aShutdownSignalCommitsWhatWasReadAndReleasesItsState() throws {
        var fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        fixture.configuration.batchSizeRows = 1_000
        ShutdownSignal.install(signals: [SIGUSR1])
        ShutdownSignal.resetForTesting()
        defer { ShutdownSignal.resetForTesting() }

        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        defer { close(ends[1]) }
        let head = [
            Lines.schema("Account", #"{"id":{"type":"integer"}}"#),
            Lines.record("Account", #"{"id":1}"#),
            Lines.record("Account", #"{"id":2}"#),
            Lines.state(#"{"after":2}"#),
        ].joined(separator: "\n") + "\n"
        #expect(write(ends[1], head, head.utf8.count) == head.utf8.count)

        let statePath = FileManager.default.temporaryDirectory.appendingPathComponent("shutdown-\(UUID()).jsonl").path
        let stateDescriptor = open(statePath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { try? FileManager.default.removeItem(atPath: statePath) }
        let input = LineReader(fileDescriptor: ends[0])
        input.stopsOnShutdownSignal = true
        let target = PostgresTarget(configuration: fixture.configuration, stateOutput: MessageWriter(fileDescriptor: stateDescriptor))
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        nonisolated(unsafe) let handedOver = (target, input)
        Thread.detachNewThread {
            do { try handedOver.0.run(input: handedOver.1) } catch { failure = error }
            finished.signal()
        }
        // The target has read the four lines and waits for more, its rows not yet committed.
        let deadline = Date().addingTimeInterval(5)
        while input.lineNumber < 4, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        kill(getpid(), SIGUSR1)
        #expect(finished.wait(timeout: .now() + 10) == .success)
        close(ends[0])
        close(stateDescriptor)

        #expect(failure == nil)
        #expect(try String(contentsOfFile: statePath, encoding: .utf8) == "{\"after\":2}\n")
        #expect(try fixture.rows("account", columns: ["id"], orderBy: "id") == [["1"], ["2"]])
    }
}
