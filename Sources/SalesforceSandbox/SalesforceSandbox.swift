import _CryptoExtras
import Logging
import SandboxKit
import Singer

/// A running emulator of Salesforce's public API on 127.0.0.1: OAuth token endpoint, REST
/// (describe, query/queryAll, limits, composite batch) and Bulk API 2.0 query jobs, over a
/// deterministic fake org, with optional fault scenarios.
///
/// ```swift
/// let sandbox = try await SalesforceSandbox.start(options: SalesforceSandboxOptions(seed: 1, records: 500))
/// sandbox.baseURL       // use as login_url; the token response's instance_url is the same
/// sandbox.credentials   // client_id, client_secret, refresh_token, username, password, JWT keys…
/// try await sandbox.stop()
/// ```
public final class SalesforceSandbox: Sendable {
    /// The options it was started with.
    public let options: SalesforceSandboxOptions
    /// Credentials that log in with every supported grant.
    public let credentials: SalesforceCredentials
    /// The org's data (ground truth for tests).
    public var store: SalesforceRecordStore { api.store }
    /// Every answered request, in order.
    public var requestLog: [RequestLog.Entry] { api.log.entries }
    /// Named counters (see ``SalesforceCounter``).
    public var counters: SandboxCounters { api.counters }
    /// `http://127.0.0.1:PORT`: the login URL and the `instance_url` tokens carry.
    public var baseURL: String { server.baseURL }
    /// The bound port.
    public var port: Int { server.port }

    let api: SalesforceAPI
    private let server: SandboxServer

    private init(options: SalesforceSandboxOptions, credentials: SalesforceCredentials, api: SalesforceAPI, server: SandboxServer) {
        self.options = options
        self.credentials = credentials
        self.api = api
        self.server = server
    }

    /// Builds the org and starts serving; returns once the port is listening.
    public static func start(options: SalesforceSandboxOptions = SalesforceSandboxOptions(), logger: Logger? = nil) async throws -> SalesforceSandbox {
        let key = try processKey.get()
        let credentials = makeCredentials(seed: options.seed, privateKey: key)
        let verifier = try JWTVerifier(publicKeyPEM: options.jwtPublicKeyPEM ?? credentials.jwtPublicKeyPEM)
        let api = SalesforceAPI(options: options, credentials: credentials, jwtVerifier: verifier)
        let server = try await SandboxServer.start(port: options.port, logger: logger) { request in api.handle(request) }
        api.baseURLStorage.withLock { $0 = server.baseURL }
        let store = api.store
        Task.detached(priority: .utility) { store.prepare(["Opportunity"]) }
        return SalesforceSandbox(options: options, credentials: credentials, api: api, server: server)
    }

    /// Applies one deterministic round of changes (updates, soft deletes, inserts) stamped
    /// with the clock's now; the same seed and round give the same rows and values.
    @discardableResult
    public func applyChanges() -> SalesforceChangeSummary {
        api.store.applyChanges(now: api.now())
    }

    /// API calls counted against the daily limit so far (including the seeded base).
    public var apiUsage: Int { api.currentUsage }

    /// Successful logins so far, any grant.
    public var logins: Int { api.counters[SalesforceCounter.logins] }

    /// Stops serving and closes connections.
    public func stop() async {
        await server.stop()
    }

    /// One key pair per process: RSA generation is slow in debug builds, and the key only
    /// guards a local test server.
    private static let processKey = Result { try _RSA.Signing.PrivateKey(keySize: .bits2048) }

    static func makeCredentials(seed: UInt64, privateKey: _RSA.Signing.PrivateKey) -> SalesforceCredentials {
        var random = SeededRandom(seed: seed, purpose: "credentials")
        func token(_ prefix: String, _ length: Int) -> String { SalesforceID.opaque(prefix: prefix, length: length, using: &random) }
        return SalesforceCredentials(
            clientID: token("3MVG9", 85), clientSecret: token("", 64), refreshToken: token("5Aep861", 87),
            username: "integration@sandbox.example.org", password: "sandbox-" + token("", 12), securityToken: token("", 24),
            jwtPrivateKeyPEM: privateKey.pkcs8PEMRepresentation, jwtPublicKeyPEM: privateKey.publicKey.pemRepresentation,
            organizationID: SalesforceID.make(prefix: "00D", number: Int(seed % 1_000_000) + 1),
            userID: SalesforceID.make(prefix: "005", number: 1))
    }
}
