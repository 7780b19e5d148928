import Foundation
import Logging
import MarketoSandbox
import SandboxTestSupport
import Singer
import TapMarketo

/// Runs tap-marketo's library code against an in-process Marketo sandbox and collects what it wrote.
struct EndToEndFixture {
    static let logger: Logger = {
        var logger = Logger(label: "tap-marketo-tests")
        logger.logLevel = .warning
        return logger
    }()

    let sandbox: MarketoSandbox

    /// Everything a sync wrote, and how it ended.
    struct SyncOutput {
        var messages: [JSONValue]
        var error: (any Error)?

        func records(_ stream: String) -> [JSONValue] {
            messages.filter { $0["type"] == "RECORD" && $0["stream"]?.stringValue == stream }.compactMap { $0["record"] }
        }
        /// Distinct integer values of `field` over the stream's records.
        func ids(_ stream: String, _ field: String = "id") -> Set<Int> {
            Set(records(stream).compactMap { $0[field]?.intValue })
        }
        var lastState: State? {
            messages.last { $0["type"] == "STATE" }.flatMap { $0["value"] }.flatMap { try? State(json: $0) }
        }
    }

    static func start(_ options: MarketoSandboxOptions) async throws -> EndToEndFixture {
        EndToEndFixture(sandbox: try await MarketoSandbox.start(options: options))
    }

    func stop() async { await sandbox.stop() }

    /// `start_date` before all generated history, so a first sync reads everything.
    var startSeconds: Int { sandbox.store.anchorSeconds - (sandbox.options.historyDays + 5) * 86_400 }

    func configuration(_ extra: JSONObject = [:]) throws -> MarketoConfiguration {
        var values: JSONObject = [
            "endpoint": .string(sandbox.restURL), "identity": .string(sandbox.identityURL),
            "client_id": .string(sandbox.credentials.clientID), "client_secret": .string(sandbox.credentials.clientSecret),
            "start_date": .string(MarketoTime.isoformat(startSeconds)),
            "poll_interval": 0.01, "rate_limit_pause": 0.05, "max_daily_calls": 50_000,
        ]
        if sandbox.options.rateLimitCalls == nil { values["calls_per_window"] = 1_000_000 }
        for member in extra { values[member.key] = member.value }
        return try MarketoConfiguration(Config(values))
    }

    func client(_ extra: JSONObject = [:]) throws -> MarketoClient {
        MarketoClient(configuration: try configuration(extra), logger: Self.logger)
    }

    /// Discovers and selects every stream and every field.
    func selectedCatalog(_ extra: JSONObject = [:], client given: MarketoClient? = nil) async throws -> Catalog {
        let client = try given ?? client(extra)
        var catalog = try await onOwnThread { try MarketoDiscovery(client: client).discover() }
        for index in catalog.streams.indices {
            var entry = catalog.streams[index]
            entry.metadata.set(.selected, true, at: .stream)
            for name in entry.propertyNames { entry.metadata.set(.selected, true, at: .property(name)) }
            catalog.streams[index] = entry
        }
        return catalog
    }

    func sync(catalog: Catalog, state: State = State(), extra: JSONObject = [:], client given: MarketoClient? = nil) async throws -> SyncOutput {
        let client = try given ?? client(extra)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tap-marketo-\(UUID().uuidString).jsonl").path
        defer { unlink(path) }
        let error: (any Error)? = try await onOwnThread {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            defer { close(descriptor) }
            let output = MessageWriter(fileDescriptor: descriptor)
            var failure: (any Error)?
            do {
                try MarketoSync(client: client, catalog: catalog, state: state, output: output, logger: Self.logger).run()
            } catch {
                failure = error
            }
            try output.flush()
            return failure
        }
        var parser = JSONParser()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let messages = try text.split(separator: "\n").map { try parser.parse(String($0)) }
        return SyncOutput(messages: messages, error: error)
    }

}
