import Logging
import SandboxKit
import Singer

/// A running emulator of Marketo's REST API on 127.0.0.1: identity (client credentials),
/// lead describe, activity types, usage, bulk lead and activity extracts, programs,
/// campaigns, lists, activities and deleted leads, over a seeded subscription, with fault
/// scenarios and Marketo's limits.
///
/// ```swift
/// let sandbox = try await MarketoSandbox.start(options: MarketoSandboxOptions(seed: 1, records: 500))
/// sandbox.restURL       // http://127.0.0.1:PORT/rest — the tap's `endpoint`
/// sandbox.identityURL   // http://127.0.0.1:PORT/identity — the tap's `identity`
/// sandbox.credentials   // client_id, client_secret
/// await sandbox.stop()
/// ```
public final class MarketoSandbox: Sendable {
    /// The options it was started with.
    public let options: MarketoSandboxOptions
    /// The LaunchPoint credentials the identity endpoint accepts.
    public var credentials: MarketoCredentials { api.credentials }
    /// The subscription's data (ground truth for tests).
    public var store: MarketoStore { api.store }
    /// Every answered request, in order.
    public var requestLog: [RequestLog.Entry] { api.log.entries }
    /// Named counters (see ``MarketoCounter``).
    public var counters: SandboxCounters { api.counters }
    /// `http://127.0.0.1:PORT`, no trailing slash.
    public var baseURL: String { server.baseURL }
    /// `…/rest`: the tap's `endpoint` (bulk calls go to `…/bulk`, beside it).
    public var restURL: String { baseURL + "/rest" }
    /// `…/identity`: the tap's `identity`.
    public var identityURL: String { baseURL + "/identity" }
    /// The bound port.
    public var port: Int { server.port }
    /// API calls counted against the daily quota so far (including the seeded base).
    public var callsToday: Int { api.limiter.used }
    /// Bytes of bulk export files written today.
    public var exportedBytes: Int { api.exports.exportedBytes }

    let api: MarketoAPI
    private let server: SandboxServer

    private init(options: MarketoSandboxOptions, api: MarketoAPI, server: SandboxServer) {
        self.options = options
        self.api = api
        self.server = server
    }

    /// Generates the subscription and starts serving; returns once the port is listening.
    public static func start(options: MarketoSandboxOptions = MarketoSandboxOptions(), logger: Logger? = nil) async throws -> MarketoSandbox {
        let api = MarketoAPI(options: options, credentials: makeCredentials(seed: options.seed))
        let server = try await SandboxServer.start(port: options.port, logger: logger) { request in api.handle(request) }
        return MarketoSandbox(options: options, api: api, server: server)
    }

    /// Applies one deterministic round of changes (lead updates, deletes and inserts with
    /// their activities; one program and its campaigns touched), stamped with the clock's now.
    @discardableResult
    public func applyChanges() -> MarketoChangeSummary {
        api.store.applyChanges(now: api.now())
    }

    /// Expires every access token now (the next call with one answers 602).
    public func expireTokens() { api.tokens.expireAll() }

    /// Stops serving and closes connections.
    public func stop() async {
        await server.stop()
    }

    static func makeCredentials(seed: UInt64) -> MarketoCredentials {
        var random = SeededRandom(seed: seed, purpose: "credentials")
        func hex(_ count: Int) -> String {
            String((0..<count).map { _ in Array("0123456789abcdef")[Int(random.next() % 16)] })
        }
        let clientID = [hex(8), hex(4), hex(4), hex(4), hex(12)].joined(separator: "-")
        let munchkin = "\(100 + Int(seed % 900))-SBX-\(String(900 - Int(seed % 800)))"
        return MarketoCredentials(clientID: clientID, clientSecret: hex(32), munchkinID: munchkin)
    }
}

extension MarketoSandbox {
    /// The tap's config as JSON: `endpoint` (…/rest), `identity` (…/identity), `client_id`,
    /// `client_secret` and `start_date` (the start of the generated history), for scripts.
    public var credentialsJSON: String {
        let start = store.anchorSeconds - options.historyDays * 86_400
        return JSONWriter.string(from: [
            "endpoint": .string(restURL), "identity": .string(identityURL),
            "client_id": .string(credentials.clientID), "client_secret": .string(credentials.clientSecret),
            "start_date": .string(MarketoTime.format(start - start % 86_400)),
        ])
    }
}
