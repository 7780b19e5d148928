import Postgres
import PostgresTestSupport
import Testing

@Suite("Connection loss")
struct ConnectionLossTests {
    @Test func terminatedBackendIsReportedAsConnectionLost() throws {
        let victim = try TestServer.connect()
        let pid = victim.backendPID
        #expect(pid > 0)
        let killer = try TestServer.connect()
        // The timeout makes pg_terminate_backend wait until the backend has really exited.
        let terminated = try killer.execute("SELECT pg_terminate_backend($1, 5000)", [pid])
        #expect(try terminated[0].bool(0) == true)

        let error = try #require(throws: PostgresError.self) { try victim.execute("SELECT 1") }
        #expect(error.kind == .connectionLost, "\(error)")
        #expect(error.isConnectionLost)
        #expect(error.statement == "SELECT 1")
        #expect(error.description.contains("reconnect"))
        #expect(!victim.isConnected)

        // Later use keeps reporting the loss instead of crashing or hanging.
        let again = try #require(throws: PostgresError.self) { try victim.execute("SELECT 1") }
        #expect(again.kind == .connectionLost)
    }

    @Test func lossDuringCopyIsReportedAsConnectionLost() throws {
        try TestServer.withSchema { victim, _ in
            try victim.execute("CREATE TABLE items (id int)")
            let killer = try TestServer.connect()
            let writer = try victim.startCopyIn("COPY items FROM STDIN")
            try writer.writeRow(["1"])
            try killer.execute("SELECT pg_terminate_backend($1, 5000)", [victim.backendPID])
            let error = try #require(throws: PostgresError.self) {
                for id in 0..<200_000 { try writer.writeRow([String(id)]) }
                try writer.finish()
            }
            #expect(error.kind == .connectionLost, "\(error)")
        }
    }
}
