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

        let run = try PipedTargetRun(fixture: fixture, stopsOnShutdownSignal: true, firstLines: [
            Lines.schema("Account", #"{"id":{"type":"integer"}}"#),
            Lines.record("Account", #"{"id":1}"#),
            Lines.record("Account", #"{"id":2}"#),
            Lines.state(#"{"after":2}"#),
        ])
        // The target has read the four lines and waits for more, its rows not yet committed.
        let deadline = Date().addingTimeInterval(5)
        while run.input.lineNumber < 4, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        kill(getpid(), SIGUSR1)
        #expect(run.waitUntilFinished())

        #expect(run.failure == nil)
        #expect(try run.states() == "{\"after\":2}\n")
        #expect(try fixture.rows("account", columns: ["id"], orderBy: "id") == [["1"], ["2"]])
    }
}
