import Logging
import SandboxKit
import Singer

/// A running emulator of Zuora's public API on 127.0.0.1: OAuth client credentials and the
/// legacy API-key headers, describe (XML), AQuA batch queries (stateful sessions, deleted
/// records), CRUD exports and file downloads, over a deterministic billing tenant.
///
/// ```swift
/// let sandbox = try await ZuoraSandbox.start(options: ZuoraSandboxOptions(seed: 1, records: 100))
/// sandbox.baseURL       // the tap's base_url
/// sandbox.credentials   // client_id/client_secret, username/password, partner id
/// sandbox.store.records(of: "Account")
/// await sandbox.stop()
/// ```
public final class ZuoraSandbox: Sendable {
    /// The options it was started with.
    public let options: ZuoraSandboxOptions
    /// Credentials it accepts.
    public var credentials: ZuoraCredentials { api.credentials }
    /// The tenant's data (ground truth for tests).
    public var store: ZuoraRecordStore { api.store }
    /// Every answered request, in order.
    public var requestLog: [RequestLog.Entry] { api.log.entries }
    /// Named counters (see ``ZuoraCounter``).
    public var counters: SandboxCounters { api.counters }
    /// `http://127.0.0.1:PORT`, no trailing slash.
    public var baseURL: String { server.baseURL }
    /// The bound port.
    public var port: Int { server.port }

    let api: ZuoraAPI
    private let server: SandboxServer

    private init(options: ZuoraSandboxOptions, api: ZuoraAPI, server: SandboxServer) {
        self.options = options
        self.api = api
        self.server = server
    }

    /// Builds the tenant and starts serving; returns once the port is listening.
    public static func start(options: ZuoraSandboxOptions = ZuoraSandboxOptions(), logger: Logger? = nil) async throws -> ZuoraSandbox {
        let api = ZuoraAPI(options: options, credentials: makeCredentials(seed: options.seed))
        let server = try await SandboxServer.start(port: options.port, logger: logger) { request in api.handle(request) }
        api.baseURLStorage.withLock { $0 = server.baseURL }
        return ZuoraSandbox(options: options, api: api, server: server)
    }

    /// Applies one deterministic round of changes (updates, soft deletes, inserts) stamped
    /// with the clock's now.
    @discardableResult
    public func applyChanges() -> ZuoraChangeSummary {
        api.store.applyChanges(now: api.now() / 1000)
    }

    /// Stops serving and closes connections.
    public func stop() async {
        await server.stop()
    }

    /// The credentials as JSON with tap-zuora's config keys (`base_url`, `partner_id`,
    /// `client_id`, `client_secret`, `username`, `password`), for scripts.
    public var credentialsJSON: String {
        JSONWriter.string(from: [
            "base_url": .string(baseURL), "partner_id": .string(credentials.partnerID),
            "client_id": .string(credentials.clientID), "client_secret": .string(credentials.clientSecret),
            "username": .string(credentials.username), "password": .string(credentials.password),
        ])
    }

    static func makeCredentials(seed: UInt64) -> ZuoraCredentials {
        var random = SeededRandom(seed: seed, purpose: "zuora-credentials")
        func hex(_ count: Int) -> String {
            String(decoding: (0..<count).map { _ in ZuoraID.hexDigits[Int(random.next() & 0xF)] }, as: UTF8.self)
        }
        return ZuoraCredentials(
            clientID: "\(hex(8))-\(hex(4))-\(hex(4))-\(hex(4))-\(hex(12))", clientSecret: hex(40),
            username: "api.user@sandbox.example.org", password: "Sandbox-" + hex(16), partnerID: "sandbox-partner")
    }
}
