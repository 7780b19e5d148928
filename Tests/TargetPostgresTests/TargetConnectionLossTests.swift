import Foundation
import Postgres
import PostgresTestSupport
import Singer
import Testing

@testable import TargetPostgres

/// The server ends the target's session mid-batch: the run stops with the line and the reason,
/// writes no state for the lost rows, and nothing of the batch is in the table.
@Suite struct TargetConnectionLossTests {
    @Test func aConnectionLostMidBatchStopsWithTheLineAndReleasesNothing() throws {
        let fixture = try TargetFixture()
        defer { fixture.dropSchema() }
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        let head = [
            Lines.schema("Account", #"{"id":{"type":"integer"}}"#),
            Lines.record("Account", #"{"id":1}"#),
            Lines.state(#"{"n":1}"#),
        ].joined(separator: "\n") + "\n"
        #expect(write(ends[1], head, head.utf8.count) == head.utf8.count)

        let statePath = FileManager.default.temporaryDirectory.appendingPathComponent("lost-\(UUID()).jsonl").path
        let stateDescriptor = open(statePath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { try? FileManager.default.removeItem(atPath: statePath) }
        let input = LineReader(fileDescriptor: ends[0])
        let target = PostgresTarget(configuration: fixture.configuration, stateOutput: MessageWriter(fileDescriptor: stateDescriptor))
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        nonisolated(unsafe) let handedOver = (target, input)
        Thread.detachNewThread {
            do { try handedOver.0.run(input: handedOver.1) } catch { failure = error }
            finished.signal()
        }
        // Once the row is in the open batch (its COPY is running), end the target's session:
        // the COPY names the test's own schema, so tests running beside it are left alone.
        let observer = try TestServer.connect()
        let deadline = Date().addingTimeInterval(10)
        var terminated = false
        while !terminated, Date() < deadline {
            let copying = try observer.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'COPY %' AND query LIKE $1 AND pid <> pg_backend_pid()",
                ["%\(fixture.schema)%"])
            terminated = !copying.isEmpty
            if !terminated { Thread.sleep(forTimeInterval: 0.02) }
        }
        #expect(terminated)
        let tail = Lines.record("Account", #"{"id":2}"#) + "\n" + Lines.state(#"{"n":2}"#) + "\n"
        _ = write(ends[1], tail, tail.utf8.count)
        close(ends[1])
        #expect(finished.wait(timeout: .now() + 10) == .success)
        close(ends[0])
        close(stateDescriptor)

        let message = "\(failure.map { "\($0)" } ?? "no error")"
        #expect(message.contains("PostgreSQL"))
        #expect(message.hasPrefix("line "))
        #expect(try String(contentsOfFile: statePath, encoding: .utf8).isEmpty)
        let rows = try observer.execute("SELECT count(*) FROM \(PostgresIdentifier.qualified(schema: fixture.schema, name: "account"))")
        #expect(rows[0][0] == "0")
    }
}
