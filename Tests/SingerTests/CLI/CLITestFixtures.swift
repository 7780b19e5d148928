import Foundation

@testable import Singer

/// A small tap description and temporary files shared by the CLI and logging tests.
enum CLITestFixtures {
    static let secretValue = "sEcReT-9f8e7d6c"

    static let tap = ConnectorDescription(
        name: "tap-salesforce", version: "1.2.3", description: "Singer tap for Salesforce",
        capabilities: ["catalog", "discover", "properties", "state", "about"],
        settings: [
            SettingDescription("client_id", type: .string, required: true, description: "Connected app client id"),
            SettingDescription("client_secret", type: .string, required: true, secret: true, description: "Connected app secret"),
            SettingDescription("start_date", type: .string, required: true, description: "Earliest date to sync"),
            SettingDescription("quota_percent_total", type: .number, default: 80, description: "API quota share"),
            SettingDescription("page_size", type: .integer, description: "Records per request"),
            SettingDescription("is_sandbox", type: .boolean, default: false, description: "Use test.salesforce.com"),
            SettingDescription("streams", type: .array, itemType: .string, description: "Streams to sync"),
            SettingDescription("ids", type: .array, itemType: .integer, description: "Ids | with a pipe"),
            SettingDescription("headers", type: .object, description: "Extra HTTP headers"),
        ])

    /// Writes `contents` to a new temporary file and returns its path.
    static func file(_ contents: String, name: String = "config.json") throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("singer-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    /// A loader with the given environment and no `.env` file.
    static func loader(_ environment: [String: String] = [:]) -> ConfigLoader {
        ConfigLoader(description: tap, environment: environment, dotEnvPath: nil)
    }

    /// Every required setting, so tests can vary one thing at a time.
    static let completeConfig = #"{"client_id": "abc", "client_secret": "\#(secretValue)", "start_date": "2024-01-01T00:00:00Z"}"#
}

/// A clock tests move by hand.
final class ManualMetricClock: Sendable {
    private let seconds = LockedValue<Double>(1_000)

    var clock: MetricClock { MetricClock { [seconds] in seconds.current } }

    func advance(by delta: Double) { seconds.withLock { $0 += delta } }
}
