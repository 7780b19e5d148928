import Foundation
import Postgres
import PostgresTestSupport
import SalesforceSandbox
import Singer

/// Runs the real executables as a user does: `tap-salesforce --discover`, then
/// `tap-salesforce … | target-postgres …` into a fresh schema of the test server.
/// `@unchecked Sendable`: a test hands it to one dispatch queue at a time (the runs block).
struct PipelineFixture: @unchecked Sendable {
    /// `.build/debug`, where `swift test` put the products it built.
    static let binaries = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug")

    /// What one pipeline run left behind.
    struct Run: Sendable {
        var tapStatus: Int32
        var targetStatus: Int32
        /// RECORD lines the tap wrote, per stream.
        var recordsPerStream: [String: Int]
        /// The states the target released, in order.
        var states: [String]
        var tapErrors: String
        var targetErrors: String
    }

    let sandbox: SalesforceSandbox
    let schema: String
    let connection: PostgresConnection
    let directory: URL
    let configPath: String

    init(sandbox: SalesforceSandbox, settings: JSONObject) throws {
        self.sandbox = sandbox
        schema = TestServer.uniqueName("sf")
        connection = try TestServer.connect()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(schema)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var values = ClientSandboxFixture.configValues(sandbox)
        for member in settings { values[member.key] = member.value }
        configPath = directory.appendingPathComponent("tap.json").path
        try write(JSONWriter.string(from: .object(values)), to: "tap.json")
        try write(#"{"default_target_schema":"\#(schema)"}"#, to: "target.json")
    }

    func cleanUp() {
        _ = try? connection.execute("SET client_min_messages TO warning")
        _ = try? connection.execute("DROP SCHEMA IF EXISTS \(PostgresIdentifier.quoted(schema)) CASCADE")
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// `tap-salesforce --discover`, with `streams` selected (every field, by default).
    func discoverAndSelect(_ streams: [String]) throws -> String {
        let output = Pipe()
        let tap = Process()
        tap.executableURL = Self.binaries.appendingPathComponent("tap-salesforce")
        tap.arguments = ["--config", configPath, "--discover"]
        tap.standardOutput = output
        tap.standardError = FileHandle.nullDevice
        try tap.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        tap.waitUntilExit()
        var parser = JSONParser()
        var catalog = try Catalog(json: parser.parse([UInt8](data)))
        for position in catalog.streams.indices where streams.contains(catalog.streams[position].tapStreamID) {
            catalog.streams[position].metadata.root.selected = true
            for name in catalog.streams[position].propertyNames {
                let breadcrumb = Breadcrumb.property(name)
                if catalog.streams[position].metadata[breadcrumb]?.inclusion != .unsupported {
                    catalog.streams[position].metadata[breadcrumb, default: MetadataEntry(breadcrumb: breadcrumb)].selected = true
                }
            }
        }
        return try write(JSONWriter.string(from: catalog.json), to: "catalog.json")
    }

    /// `tap-salesforce --config … --catalog CATALOG [--state STATE] | target-postgres --config …`.
    /// The test sits in the pipe only to count RECORD lines; bytes pass through unchanged.
    func run(catalog: String, state: String? = nil) throws -> Run {
        let tap = Process(), target = Process()
        let tapOutput = Pipe(), targetInput = Pipe(), targetOutput = Pipe(), tapErrors = Pipe(), targetErrors = Pipe()
        tap.executableURL = Self.binaries.appendingPathComponent("tap-salesforce")
        tap.arguments = ["--config", configPath, "--catalog", catalog] + (state.map { ["--state", $0] } ?? [])
        tap.standardOutput = tapOutput
        tap.standardError = tapErrors
        target.executableURL = Self.binaries.appendingPathComponent("target-postgres")
        target.arguments = ["--config", directory.appendingPathComponent("target.json").path]
        target.standardInput = targetInput
        target.standardOutput = targetOutput
        target.standardError = targetErrors
        try target.run()
        try tap.run()

        let tapErrorText = Collector(tapErrors.fileHandleForReading)
        let targetErrorText = Collector(targetErrors.fileHandleForReading)
        let statesText = Collector(targetOutput.fileHandleForReading)
        var counts: [String: Int] = [:]
        var pending = Data()
        let reader = tapOutput.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            targetInput.fileHandleForWriting.write(chunk)
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[pending.index(after: newline)...])
                var parser = JSONParser()
                if let message = try? parser.parse([UInt8](line)), message["type"]?.stringValue == "RECORD",
                   let stream = message["stream"]?.stringValue {
                    counts[stream, default: 0] += 1
                }
            }
        }
        try targetInput.fileHandleForWriting.close()
        tap.waitUntilExit()
        target.waitUntilExit()
        return Run(
            tapStatus: tap.terminationStatus, targetStatus: target.terminationStatus, recordsPerStream: counts,
            states: statesText.text.split(separator: "\n").map(String.init),
            tapErrors: tapErrorText.text, targetErrors: targetErrorText.text)
    }

    /// `columns` of every row of `table`, as text (NULL as nil), ordered by id.
    func rows(_ table: String, columns: [String]) throws -> [[String?]] {
        let list = columns.map(PostgresIdentifier.quoted).joined(separator: ", ")
        return try connection.execute(
            "SELECT \(list) FROM \(PostgresIdentifier.qualified(schema: schema, name: table)) ORDER BY id"
        ).map { row in columns.indices.map { row[$0] } }
    }
}

/// Reads a pipe to its end on a background thread, so a chatty child never blocks on a full pipe.
final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let all = handle.readDataToEndOfFile()
            lock.withLock { data = all }
            done.signal()
        }
    }

    var text: String {
        done.wait()
        done.signal()
        return lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}
