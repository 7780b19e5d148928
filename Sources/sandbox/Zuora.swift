import ArgumentParser
import Foundation
import SandboxKit
import ZuoraSandbox

/// `sandbox zuora --port P --seed S --records N --scenario a,b`.
struct Zuora: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Emulate Zuora's OAuth, describe, AQuA and CRUD export APIs over a seeded billing tenant.",
        discussion: "Prints `listening on http://127.0.0.1:PORT` once ready, then serves until SIGTERM or SIGINT. "
            + "Admin: POST /_sandbox/changes applies a change round, GET /_sandbox/stats reports counters.")

    @Option(help: "TCP port on 127.0.0.1; 0 picks a free one.")
    var port = 0

    @Option(help: "Seed for all generated data.")
    var seed: UInt64 = 1

    @Option(help: "Number of Accounts (other objects scale from it).")
    var records = 200

    @Option(help: "Fault scenarios, comma-separated: \(ZuoraScenario.allCases.map(\.rawValue).joined(separator: ", ")).")
    var scenario: [String] = []

    @Option(help: "AQuA job polls answered `executing` before `completed`.")
    var aquaPolls = 0

    @Option(help: "Export polls answered `Processing` before `Completed`.")
    var exportPolls = 0

    @Option(help: "OAuth token lifetime in seconds (`expires_in`); tokens stop working after it.")
    var tokenLifetime = 3599

    @Option(help: "Under token-expiry: calls each OAuth token answers before 401.")
    var callsPerToken = 20

    @Option(help: "Write the settings (base_url, partner_id, client_id, client_secret, username, password) as JSON to this file once listening. Test values only.")
    var writeCredentials: String?

    func run() async throws {
        let scenarios = try scenarios(from: scenario, as: ZuoraScenario.self)
        let options = ZuoraSandboxOptions(
            seed: seed, records: records, scenarios: scenarios, port: port, tokenLifetimeSeconds: tokenLifetime,
            callsPerToken: callsPerToken, aquaPollsBeforeCompletion: aquaPolls, exportPollsBeforeCompletion: exportPolls)
        let sandbox = try await ZuoraSandbox.start(options: options)
        try await serveUntilTerminated(
            baseURL: sandbox.baseURL, credentialsJSON: sandbox.credentialsJSON, writeCredentials: writeCredentials,
            stop: sandbox.stop)
    }
}
