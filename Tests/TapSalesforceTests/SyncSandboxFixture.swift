import Foundation
import HTTP
import Logging
import SalesforceSandbox
import SandboxTestSupport
import Singer
import Testing

@testable import TapSalesforce

#if canImport(Glibc)
import Glibc
#endif

/// What one sync run wrote: every message, and the error it stopped with, if any.
struct SyncOutput {
    var messages: [JSONValue]
    var error: (any Error)?

    func records(_ stream: String) -> [JSONObject] {
        messages.filter { $0["type"] == "RECORD" && $0["stream"]?.stringValue == stream }.compactMap { $0["record"]?.objectValue }
    }

    var states: [JSONValue] { messages.filter { $0["type"] == "STATE" }.compactMap { $0["value"] } }

    /// The last STATE, as the file a scheduler keeps.
    var lastState: State? { states.last.flatMap { try? State(json: $0, currentStreamKey: .currentStream) } }

    func messages(type: String) -> [JSONValue] { messages.filter { $0["type"]?.stringValue == type } }
}

/// A Salesforce sandbox on a loopback port and the tap's pieces pointed at it: discovery to
/// get a real catalog, and syncs run on their own thread (the tap blocks in libcurl; the
/// sandbox needs the Swift concurrency pool free to answer).
struct SyncSandboxFixture {
    let sandbox: SalesforceSandbox

    static func start(records: Int = 300, scenarios: Set<SalesforceScenario> = [], seed: UInt64 = 7,
                      adjust: (inout SalesforceSandboxOptions) -> Void = { _ in }) async throws -> SyncSandboxFixture {
        var options = SalesforceSandboxOptions(seed: seed, records: records, scenarios: scenarios)
        adjust(&options)
        return SyncSandboxFixture(sandbox: try await SalesforceSandbox.start(options: options))
    }

    func stop() async { await sandbox.stop() }

    func configuration(apiType: SalesforceConfiguration.APIType = .rest, startDate: String? = nil, lookback: Int = 0) -> SalesforceConfiguration {
        let credentials = sandbox.credentials
        return SalesforceConfiguration(
            credentials: .refreshToken(clientID: credentials.clientID, clientSecret: credentials.clientSecret, refreshToken: credentials.refreshToken),
            loginURL: sandbox.baseURL, apiType: apiType, startDate: startDate.flatMap { SyncInstant($0) }.map { Date(timeIntervalSince1970: Double($0.microseconds) / 1e6) },
            startDateText: startDate, lookbackWindow: lookback, selectFieldsByDefault: true,
            bulkPollInterval: .milliseconds(50), bulkPollTimeout: .seconds(60), maxAttempts: 5)
    }

    /// Retries without real waiting, so fault scenarios run fast.
    static let quickTiming = RetryTiming(sleep: { _ in }, unitRandom: { 0.5 }, now: { Date() })

    func client(_ configuration: SalesforceConfiguration) -> SalesforceClient {
        SalesforceClient(configuration: configuration, logger: Self.logger, timing: Self.quickTiming)
    }

    static let logger: Logger = {
        var logger = Logger(label: "tap-salesforce-test")
        logger.logLevel = .warning
        return logger
    }()

    /// Discovers `streams` and selects them with every field.
    func catalog(streams: [String], configuration: SalesforceConfiguration) async throws -> Catalog {
        var settings = configuration
        settings.streamsToDiscover = streams
        let discovery = settings
        let client = client(discovery)
        let catalog = try await onOwnThread {
            try SalesforceDiscovery(client: client, configuration: discovery, logger: Self.logger).discover()
        }
        var selected = catalog
        for index in selected.streams.indices where streams.contains(selected.streams[index].tapStreamID) {
            selected.streams[index].metadata.set(.selected, true, at: .stream)
        }
        return selected
    }

    /// Runs a sync to completion or failure and returns everything it wrote.
    func sync(
        _ configuration: SalesforceConfiguration, catalog: Catalog, state: State = State(currentStreamKey: .currentStream),
        bulkPageRecords: Int = 1_000
    ) async throws -> SyncOutput {
        let client = client(configuration)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tap-sync-\(UUID().uuidString).jsonl").path
        defer { unlink(path) }
        let error: (any Error)? = try await onOwnThread {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            defer { close(descriptor) }
            let output = MessageWriter(fileDescriptor: descriptor)
            var failure: (any Error)?
            do {
                var sync = SalesforceSync(client: client, configuration: configuration, catalog: catalog, state: state, output: output, logger: Self.logger)
                sync.bulkPageRecords = bulkPageRecords
                try sync.run()
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

/// Compares emitted records with the sandbox's ground truth, field by field, with the value
/// rules the tap documents (datetimes normalised, numbers by value, Bulk's empty text as null).
enum GroundTruth {
    static func normalized(_ value: JSONValue, kind: FieldKind, bulk: Bool) -> JSONValue {
        switch value {
        case .string(let text) where bulk && text.isEmpty:
            return .null
        case .string(let text) where kind == .dateTime:
            var output: [UInt8] = []
            let ok = Array(text.utf8).withUnsafeBytes { TimestampText.normalizeDateTime($0, into: &output) }
            return ok ? .string(String(decoding: output, as: UTF8.self)) : value
        case .object(var object):
            object["attributes"] = nil
            return .object(object)
        default:
            return value
        }
    }

    /// Problems found: missing or duplicate Ids, unexpected Ids, unequal values (first few).
    static func differences(emitted: [JSONObject], truth: [JSONObject], plan: StreamPlan, bulk: Bool) -> [String] {
        var problems: [String] = []
        var seen: [String: JSONObject] = [:]
        for record in emitted {
            guard let id = record["Id"]?.stringValue else { problems.append("record without Id"); continue }
            if seen[id] != nil { problems.append("\(id) emitted twice") }
            seen[id] = record
        }
        let truthIDs = Set(truth.compactMap { $0["Id"]?.stringValue })
        for id in seen.keys where !truthIDs.contains(id) { problems.append("\(id) emitted but not in the sandbox") }
        for row in truth {
            guard let id = row["Id"]?.stringValue else { continue }
            guard let record = seen[id] else { problems.append("\(id) missing"); continue }
            for field in plan.fields {
                let expected = normalized(row[field.name] ?? .null, kind: field.kind, bulk: bulk)
                let actual = record[field.name] ?? .null
                if expected != actual { problems.append("\(id).\(field.name): expected \(expected), got \(actual)") }
            }
            if problems.count > 20 { break }
        }
        return problems
    }
}
