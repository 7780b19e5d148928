import Foundation
import Postgres
import PostgresTestSupport
import Singer

@testable import TargetPostgres

/// Runs the target in-process on given lines against the throwaway server, in a schema of the
/// test's own, and reports the states it wrote and the error it stopped with.
struct TargetFixture {
    struct Run {
        var states: [String]
        var error: (any Error)?
    }

    let schema = TestServer.uniqueName("target")
    let connection: PostgresConnection
    var configuration: TargetPostgresConfiguration

    init(_ configure: (inout TargetPostgresConfiguration) -> Void = { _ in }) throws {
        connection = try TestServer.connect()
        _ = try connection.execute("SET client_min_messages TO warning")
        configuration = TargetPostgresConfiguration()
        configuration.defaultTargetSchema = schema
        configure(&configuration)
    }

    /// Loads `lines` (one Singer message each) and returns what happened.
    func run(_ lines: [String]) throws -> Run {
        let statePath = FileManager.default.temporaryDirectory.appendingPathComponent("states-\(UUID()).jsonl").path
        let descriptor = open(statePath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { try? FileManager.default.removeItem(atPath: statePath) }
        var failure: (any Error)?
        do {
            let target = PostgresTarget(configuration: configuration, stateOutput: MessageWriter(fileDescriptor: descriptor))
            try target.run(input: LineReader(bytes: Array(lines.joined(separator: "\n").utf8)))
        } catch {
            failure = error
        }
        close(descriptor)
        let states = (try String(contentsOfFile: statePath, encoding: .utf8)).split(separator: "\n").map(String.init)
        return Run(states: states, error: failure)
    }

    /// Rows of `table` as text, ordered by the given columns.
    func rows(_ table: String, columns: [String], orderBy: String) throws -> [[String?]] {
        let result = try connection.execute(
            "SELECT \(columns.map { "\(PostgresIdentifier.quoted($0))::text" }.joined(separator: ", ")) FROM \(PostgresIdentifier.qualified(schema: schema, name: table)) ORDER BY \(orderBy)")
        return result.map { row in (0..<columns.count).map { row[$0] } }
    }

    func dropSchema() {
        _ = try? connection.execute("DROP SCHEMA IF EXISTS \(PostgresIdentifier.quoted(schema)) CASCADE")
    }
}

/// Singer lines for tests, written the way taps write them.
enum Lines {
    static func schema(_ stream: String, _ properties: String, keys: [String] = ["id"]) -> String {
        #"{"type":"SCHEMA","stream":"\#(stream)","schema":{"type":"object","properties":\#(properties)},"key_properties":\#(keys.description)}"#
    }

    static func record(_ stream: String, _ record: String, version: Int? = nil) -> String {
        #"{"type":"RECORD","stream":"\#(stream)","record":\#(record)"# + (version.map { #","version":\#($0)"# } ?? "") + "}"
    }

    static func state(_ value: String) -> String { #"{"type":"STATE","value":\#(value)}"# }

    static func activate(_ stream: String, version: Int) -> String {
        #"{"type":"ACTIVATE_VERSION","stream":"\#(stream)","version":\#(version)}"#
    }
}
