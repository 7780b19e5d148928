import Foundation
import Logging
import SandboxTestSupport
import Singer
import Testing
import ZuoraSandbox
@testable import TapZuora

/// A Zuora sandbox on a loopback port and the tap's blocking code run against it off the
/// cooperative pool.
struct EndToEndFixture {
    let sandbox: ZuoraSandbox

    static func start(
        records: Int = 30, scenarios: Set<ZuoraScenario> = [], callsPerToken: Int = 20, aquaPolls: Int = 0
    ) async throws -> EndToEndFixture {
        let options = ZuoraSandboxOptions(
            seed: 5, records: records, scenarios: scenarios, callsPerToken: callsPerToken, aquaPollsBeforeCompletion: aquaPolls)
        return EndToEndFixture(sandbox: try await ZuoraSandbox.start(options: options))
    }

    func stop() async { await sandbox.stop() }

    func configuration(apiType: String = "AQUA", authType: String = "OAUTH", jobTimeout: Double = 60) throws -> ZuoraConfiguration {
        let credentials = sandbox.credentials
        let oauth = authType == "OAUTH"
        return try ZuoraConfiguration(Config([
            "start_date": "2000-01-01T00:00:00Z", "api_type": .string(apiType), "auth_type": .string(authType),
            "username": .string(oauth ? credentials.clientID : credentials.username),
            "password": .string(oauth ? credentials.clientSecret : credentials.password),
            "partner_id": .string(credentials.partnerID), "base_url": .string(sandbox.baseURL),
            "poll_interval": 0.01, "max_poll_interval": 0.05, "export_window_days": 10_000,
            "job_timeout": .number(JSONNumber(jobTimeout)),
        ]))
    }

    func client(_ configuration: ZuoraConfiguration) -> ZuoraClient {
        var logger = Logger(label: "tap-zuora-test")
        logger.logLevel = .warning
        return ZuoraClient(configuration: configuration, logger: logger)
    }

    /// Discovers, then selects every field of `streams`.
    func catalog(_ client: ZuoraClient, streams: [String]) async throws -> Catalog {
        let logger = client.logger
        let discovered = try await onOwnThread { try ZuoraDiscovery(client: client, logger: logger).discover() }
        var selected: [CatalogEntry] = []
        for name in streams {
            guard var entry = discovered.entry(stream: name) else { throw DescribeXML.ParseError(reason: "\(name) not discovered") }
            entry.metadata.set("selected", true, at: .stream)
            for property in entry.propertyNames { entry.metadata.set("selected", true, at: .property(property)) }
            selected.append(entry)
        }
        return Catalog(streams: selected)
    }

    /// Runs a sync; returns its messages and final state.
    func sync(_ client: ZuoraClient, catalog: Catalog, state: State = State(currentStreamKey: .currentStream)) async throws -> (messages: [JSONValue], state: State) {
        let logger = client.logger
        return try await onOwnThread {
            var final = state
            let messages = try SyncFixtures.capture { writer in
                let sync = ZuoraSync(client: client, catalog: catalog, state: state, output: writer, logger: logger)
                try sync.run()
                final = sync.state
            }
            return (messages, final)
        }
    }

    static func records(_ messages: [JSONValue], stream: String) -> [JSONObject] {
        messages.filter { $0["type"] == "RECORD" && $0["stream"]?.stringValue == stream }.compactMap { $0["record"]?.objectValue }
    }

    /// Differences between emitted records and the sandbox's rows of `object` (live rows only).
    func differences(_ emitted: [JSONObject], object: String) -> [String] {
        var problems: [String] = []
        let truth = Set(sandbox.store.records(of: object).compactMap { $0.values.first?.text })
        let ids = emitted.compactMap { $0["Id"]?.stringValue }
        if Set(ids) != truth { problems.append("\(object): ids differ: \(Set(ids).symmetricDifference(truth).sorted().prefix(5))") }
        for record in emitted.prefix(200) {
            guard let id = record["Id"]?.stringValue, let row = sandbox.store.record(of: object, id: id) else { continue }
            for (field, value) in row {
                guard let emittedValue = record[field] else { continue }
                if !Self.matches(emittedValue, value) {
                    problems.append("\(object) \(id) \(field): emitted \(emittedValue), sandbox \(value)")
                }
            }
        }
        return problems
    }

    static func matches(_ emitted: JSONValue, _ value: ZuoraValue) -> Bool {
        switch value {
        case .null: return emitted.isNull || emitted == ""
        case .text(let text): return emitted.stringValue == text
        case .decimal(let text): return emitted.numberValue.map { $0 == JSONNumber(text) } ?? false
        case .integer(let number): return emitted.intValue == number
        case .boolean(let flag): return emitted.boolValue == flag
        case .date(let text): return emitted.stringValue == text + "T00:00:00.000000Z"
        case .dateTime: return emitted.stringValue.map { $0.prefix(19) + "Z" } == value.text
        }
    }
}
