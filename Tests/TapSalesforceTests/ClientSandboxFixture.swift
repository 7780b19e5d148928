import Dispatch
import Foundation
import HTTP
import Logging
import SalesforceSandbox
import Singer
@testable import TapSalesforce

/// Runs tap code against a real sandbox on loopback. The tap's HTTP calls block, so they run on
/// a dispatch queue, never on the cooperative pool the in-process server needs.
enum ClientSandboxFixture {
    /// The OAuth grants the tap supports.
    enum Grant: CaseIterable, Sendable { case refreshToken, password, jwt }

    /// Retries without waiting, so fault scenarios run fast.
    static let instantTiming = RetryTiming(sleep: { _ in }, unitRandom: { 0 }, now: { Date() })

    static let logger = Logger(label: "tap-salesforce-tests")

    /// Starts a sandbox, runs `body`, and stops it whatever happens.
    static func withSandbox<Result: Sendable>(
        _ options: SalesforceSandboxOptions = SalesforceSandboxOptions(records: 50),
        _ body: (SalesforceSandbox) async throws -> Result
    ) async throws -> Result {
        let sandbox = try await SalesforceSandbox.start(options: options)
        do {
            let result = try await body(sandbox)
            await sandbox.stop()
            return result
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    /// Config keys that log in to `sandbox` with `grant`.
    static func configValues(_ sandbox: SalesforceSandbox, grant: Grant = .refreshToken) -> JSONObject {
        let credentials = sandbox.credentials
        var values: JSONObject = ["client_id": .string(credentials.clientID), "login_url": .string(sandbox.baseURL)]
        switch grant {
        case .refreshToken:
            values["client_secret"] = .string(credentials.clientSecret)
            values["refresh_token"] = .string(credentials.refreshToken)
        case .password:
            values["client_secret"] = .string(credentials.clientSecret)
            values["username"] = .string(credentials.username)
            values["password"] = .string(credentials.password)
            values["security_token"] = .string(credentials.securityToken)
        case .jwt:
            values["username"] = .string(credentials.username)
            values["private_key"] = .string(credentials.jwtPrivateKeyPEM)
        }
        return values
    }

    /// A validated configuration for `sandbox`, with `extra` settings on top.
    static func configuration(
        _ sandbox: SalesforceSandbox, grant: Grant = .refreshToken, extra: JSONObject = [:]
    ) throws -> SalesforceConfiguration {
        var values = configValues(sandbox, grant: grant)
        for member in extra { values[member.key] = member.value }
        let loader = ConfigLoader(description: SalesforceConfiguration.description, environment: [:], dotEnvPath: nil)
        return try SalesforceConfiguration(loader.validate(Config(values)))
    }

    /// A client for `sandbox` whose retries do not wait.
    static func client(_ sandbox: SalesforceSandbox, grant: Grant = .refreshToken, extra: JSONObject = [:]) throws -> SalesforceClient {
        SalesforceClient(configuration: try configuration(sandbox, grant: grant, extra: extra), logger: logger, timing: instantTiming)
    }

    /// Runs blocking `body` on a dispatch queue.
    static func offPool<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result { try body() })
            }
        }
    }

    /// Writes `values` to a temporary config file and returns its path.
    static func configFile(_ values: JSONObject) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tap-sf-\(UUID().uuidString).json").path
        try Data(JSONWriter.string(from: .object(values)).utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
