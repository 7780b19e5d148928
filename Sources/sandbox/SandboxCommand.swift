import ArgumentParser
import Foundation
import SalesforceSandbox
import SandboxKit

/// `sandbox <vendor> …`: runs a vendor API emulator on 127.0.0.1 until SIGTERM or SIGINT.
@main
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a vendor API emulator on 127.0.0.1 for tests and demos.",
        subcommands: [Salesforce.self, Zuora.self, Marketo.self])
}

/// `sandbox salesforce --port P --seed S --records N --scenario a,b`.
struct Salesforce: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Emulate Salesforce's OAuth, REST and Bulk 2.0 query APIs over a seeded fake org.",
        discussion: "Prints `listening on http://127.0.0.1:PORT` once ready, then serves until SIGTERM or SIGINT. "
            + "Admin: POST /_sandbox/changes applies a change round, GET /_sandbox/stats reports counters.")

    @Option(help: "TCP port on 127.0.0.1; 0 picks a free one.")
    var port = 0

    @Option(help: "Seed for all generated data.")
    var seed: UInt64 = 1

    @Option(help: "Number of Opportunities (other objects scale from it).")
    var records = 1_000

    @Option(help: "Fault scenarios, comma-separated: \(SalesforceScenario.allCases.map(\.rawValue).joined(separator: ", ")).")
    var scenario: [String] = []

    @Flag(help: "Send Sforce-Limit-Info as bare `api-usage=U/L` (without `; api-bursts=…`).")
    var plainLimitInfo = false

    @Option(help: "Write the login settings (login_url, client_id, client_secret, refresh_token, username, password, security_token, private_key) as JSON to this file once listening. Test values only.")
    var writeCredentials: String?

    func run() async throws {
        let scenarios = try scenarios(from: scenario, as: SalesforceScenario.self)
        let options = SalesforceSandboxOptions(
            seed: seed, records: records, scenarios: scenarios, port: port, limitInfoWithBursts: !plainLimitInfo)
        let sandbox = try await SalesforceSandbox.start(options: options)
        try await serveUntilTerminated(
            baseURL: sandbox.baseURL, credentialsJSON: sandbox.credentialsJSON, writeCredentials: writeCredentials,
            stop: sandbox.stop)
    }
}
