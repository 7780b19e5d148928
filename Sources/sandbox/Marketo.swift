import ArgumentParser
import Foundation
import MarketoSandbox
import SandboxKit

/// `sandbox marketo --port P --seed S --records N --scenario a,b`.
struct Marketo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Emulate Marketo's identity, REST (lead database, assets) and bulk extract APIs over a seeded subscription.",
        discussion: "Prints `listening on http://127.0.0.1:PORT` once ready, then serves until SIGTERM or SIGINT. "
            + "The tap's endpoint is http://127.0.0.1:PORT/rest and identity http://127.0.0.1:PORT/identity. "
            + "Admin: POST /_sandbox/changes applies a change round, POST /_sandbox/expire-tokens expires tokens, "
            + "GET /_sandbox/stats reports counters.")

    @Option(help: "TCP port on 127.0.0.1; 0 picks a free one.")
    var port = 0

    @Option(help: "Seed for all generated data.")
    var seed: UInt64 = 1

    @Option(help: "Number of leads (activities, programs, campaigns and lists scale from it).")
    var records = 1_000

    @Option(help: "Fault scenarios, comma-separated: \(MarketoScenario.allCases.map(\.rawValue).joined(separator: ", ")).")
    var scenario: [String] = []

    @Option(help: "Status polls an enqueued export needs to complete (0 = at once).")
    var pollsToComplete = 2

    @Option(help: "Calls allowed per 20 s before 606 (Marketo: 100; 0 disables the window).")
    var rateLimit = 100

    @Option(help: "Write the tap's config (endpoint, identity, client_id, client_secret, start_date) as JSON to this file once listening. Test values only.")
    var writeCredentials: String?

    func run() async throws {
        let scenarios = try scenarios(from: scenario, as: MarketoScenario.self)
        let options = MarketoSandboxOptions(
            seed: seed, records: records, scenarios: scenarios, port: port,
            rateLimitCalls: rateLimit > 0 ? rateLimit : nil, pollsToComplete: pollsToComplete)
        let sandbox = try await MarketoSandbox.start(options: options)
        try await serveUntilTerminated(
            baseURL: sandbox.baseURL, credentialsJSON: sandbox.credentialsJSON, writeCredentials: writeCredentials,
            stop: sandbox.stop)
    }
}
