import Foundation
import Postgres
import PostgresTestSupport
import Singer
import Testing

@testable import TargetPostgres

/// The real executable, killed with SIGKILL mid-stream: rerunning from the last state it wrote
/// gives the tables a run that never failed gives.
@Suite struct TargetKillTests {
    /// `.build/debug/target-postgres`, built with the tests (`swift test` builds every product).
    static let executable = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/target-postgres")

    /// A tap's output: `count` records with a STATE after every 50, bookmarks by id.
    static func tapOutput(after bookmark: Int, count: Int) -> [String] {
        [Lines.schema("Deal", #"{"id":{"type":"integer"},"stage":{"type":"string"}}"#)]
            + ((bookmark + 1)...count).flatMap { id -> [String] in
                let record = Lines.record("Deal", #"{"id":\#(id),"stage":"s\#(id % 7)"}"#)
                return id % 50 == 0 ? [record, Lines.state(#"{"bookmarks":{"Deal":{"id":\#(id)}}}"#)] : [record]
            }
    }

    @Test func killedMidStreamAndResumedFromItsLastStateEqualsACleanRun() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build target-postgres first")
        let clean = try TargetFixture { $0.batchSizeRows = 120 }
        defer { clean.dropSchema() }
        _ = try clean.run(Self.tapOutput(after: 0, count: 1_000))

        let schema = TestServer.uniqueName("killed")
        let connection = try TestServer.connect()
        defer { _ = try? connection.execute("DROP SCHEMA IF EXISTS \(PostgresIdentifier.quoted(schema)) CASCADE") }
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("\(schema).json")
        try Data(#"{"default_target_schema":"\#(schema)","batch_size_rows":120}"#.utf8).write(to: config)
        defer { try? FileManager.default.removeItem(at: config) }

        // First run: feed 700 records, wait for the states their commits release, then SIGKILL.
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["--config", config.path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let firstPart = Self.tapOutput(after: 0, count: 1_000).prefix(720).joined(separator: "\n") + "\n"
        input.fileHandleForWriting.write(Data(firstPart.utf8))
        var released = ""
        let deadline = Date().addingTimeInterval(20)
        while released.split(separator: "\n").count < 5, Date() < deadline {
            released += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let lastState = try #require(released.split(separator: "\n").last.map(String.init))
        var parser = JSONParser()
        let resumeAfter = try #require(try parser.parse(lastState)["bookmarks"]?["Deal"]?["id"]?.intValue)
        #expect(resumeAfter >= 250 && resumeAfter < 720)

        // Second run: the tap resumes after the bookmark the target released.
        var resumed = try TargetFixture { $0.batchSizeRows = 120 }
        resumed.configuration.defaultTargetSchema = schema
        let run = try resumed.run(Self.tapOutput(after: resumeAfter, count: 1_000))
        #expect(run.error == nil)
        let killedRows = try connection.execute("SELECT id::text, stage FROM \(PostgresIdentifier.qualified(schema: schema, name: "deal")) ORDER BY id")
            .map { [$0[0], $0[1]] }
        #expect(killedRows == (try clean.rows("deal", columns: ["id", "stage"], orderBy: "id")))
        #expect(killedRows.count == 1_000)
    }
}
