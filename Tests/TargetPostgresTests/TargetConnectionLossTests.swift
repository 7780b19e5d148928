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
        let run = try PipedTargetRun(fixture: fixture, firstLines: [
            Lines.schema("Account", #"{"id":{"type":"integer"}}"#),
            Lines.record("Account", #"{"id":1}"#),
            Lines.state(#"{"n":1}"#),
        ])
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
        run.send([Lines.record("Account", #"{"id":2}"#), Lines.state(#"{"n":2}"#)])
        run.closeInput()
        #expect(run.waitUntilFinished())

        let message = "\(run.failure.map { "\($0)" } ?? "no error")"
        #expect(message.contains("PostgreSQL"))
        #expect(message.hasPrefix("line "))
        #expect(try run.states().isEmpty)
        let rows = try observer.execute("SELECT count(*) FROM \(PostgresIdentifier.qualified(schema: fixture.schema, name: "account"))")
        #expect(rows[0][0] == "0")
    }
}
