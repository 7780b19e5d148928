import Foundation
import Singer

/// tap-zuora's settings, read from the keys singer-io tap-zuora 1.6.1 accepts plus a few
/// additions (`base_url`, polling and window settings).
///
/// ```swift
/// let configuration = try ZuoraConfiguration(config)
/// configuration.apiType          // .aqua unless api_type is "REST"
/// configuration.hostCandidates   // ["https://rest.na.zuora.com/", "https://rest.zuora.com/"]
/// ```
public struct ZuoraConfiguration: Sendable {
    /// Which Zuora export API a sync uses.
    public enum APIType: String, Sendable {
        /// AQuA batch queries (`/v1/batch-query/`): stateful sessions and deleted records.
        case aqua = "AQUA"
        /// CRUD exports (`/v1/object/export`), windowed by the replication key.
        case rest = "REST"
    }

    /// How every request is authenticated.
    public enum Credentials: Sendable {
        /// `apiAccessKeyId`/`apiSecretAccessKey` headers (`auth_type` BASIC, the default).
        case basic(username: String, password: String)
        /// OAuth client credentials at `{host}oauth/token` (`auth_type` OAUTH).
        case oauth(clientID: String, clientSecret: String)
    }

    /// The time zone Zuora reads AQuA's `incrementalTime` in.
    public enum IncrementalTimeZone: String, Sendable {
        /// US data centers: Pacific time, daylight saving included.
        case usPacific
        /// EU data centers: UTC, as Zuora documents (the Python tap sends Pacific there too).
        case utc
    }

    public var credentials: Credentials
    public var apiType: APIType
    /// AQuA `partner`; required for AQuA, as in the Python tap.
    public var partnerID: String?
    /// `start_date` exactly as given: the first bookmark of incremental streams.
    public var startDate: String
    /// `sandbox` (`"true"` or `true`).
    public var isSandbox: Bool
    /// `european` (`"true"` or `true`).
    public var isEuropean: Bool
    /// Hosts to try, in order; the first that accepts the credentials is used. `base_url`
    /// gives exactly one. Every entry ends with `/`.
    public var hostCandidates: [String]
    public var incrementalTimeZone: IncrementalTimeZone
    /// First wait between job status checks; it grows by half each time up to `maxPollInterval`.
    public var pollInterval: Duration
    public var maxPollInterval: Duration
    /// How long an AQuA job or export may take before the sync gives up on it.
    public var jobTimeout: Duration
    /// Days per REST export window (the Python tap's `MAX_EXPORT_DAYS`).
    public var exportWindowDays: Int
    /// Attempts per request on 429/5xx answers and dropped connections.
    public var maxAttempts: Int

    /// Reads and checks `config`; errors name the setting and never repeat a secret.
    public init(_ config: Config) throws(ConfigError) {
        func text(_ key: String) -> String? {
            guard let value = config.string(key)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        guard let startDate = text("start_date") else { throw .missing(setting: "start_date") }
        guard RFC3339.parseDateTime(startDate) != nil || RFC3339.parseDate(startDate) != nil else {
            throw .invalidValue(setting: "start_date", reason: "'\(startDate)' is not a date-time such as 2024-01-01T00:00:00Z")
        }
        self.startDate = startDate
        // As in the Python tap, anything but REST selects AQuA.
        apiType = text("api_type")?.uppercased() == "REST" ? .rest : .aqua
        partnerID = text("partner_id")
        if apiType == .aqua && partnerID == nil {
            throw .invalidValue(setting: "partner_id", reason: "AQuA syncs (api_type other than REST) need the partner_id Zuora issued for AQuA")
        }
        let authType = text("auth_type")?.uppercased() ?? "BASIC"
        switch authType {
        case "BASIC":
            guard let username = text("username") else { throw .missing(setting: "username") }
            guard let password = text("password") else { throw .missing(setting: "password") }
            credentials = .basic(username: username, password: password)
        case "OAUTH":
            guard let clientID = text("client_id") ?? text("username") else { throw .missing(setting: "username") }
            guard let secret = text("client_secret") ?? text("password") else { throw .missing(setting: "password") }
            credentials = .oauth(clientID: clientID, clientSecret: secret)
        default:
            throw .invalidValue(setting: "auth_type", reason: "'\(authType)' is neither BASIC nor OAUTH")
        }
        isSandbox = config.bool("sandbox") ?? false
        isEuropean = config.bool("european") ?? false
        if let baseURL = text("base_url") {
            guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") else {
                throw .invalidValue(setting: "base_url", reason: "'\(baseURL)' is not an http(s) URL such as https://rest.test.zuora.com")
            }
            hostCandidates = [baseURL.hasSuffix("/") ? baseURL : baseURL + "/"]
        } else {
            hostCandidates = Self.hosts(sandbox: isSandbox, european: isEuropean)
        }
        let euHost = hostCandidates.allSatisfy { $0.contains(".eu.") }
        incrementalTimeZone = (isEuropean || euHost) ? .utc : .usPacific
        pollInterval = try Self.seconds(config, "poll_interval", default: 5)
        maxPollInterval = try Self.seconds(config, "max_poll_interval", default: 60)
        jobTimeout = try Self.seconds(config, "job_timeout", default: 43_200)
        exportWindowDays = config.int("export_window_days") ?? 30
        guard exportWindowDays > 0 else { throw .invalidValue(setting: "export_window_days", reason: "must be at least 1") }
        maxAttempts = max(1, config.int("max_attempts") ?? 5)
    }

    /// The Python tap's `URLS` table: its data-center hosts, tried in order.
    static func hosts(sandbox: Bool, european: Bool) -> [String] {
        switch (sandbox, european) {
        case (false, false): ["https://rest.na.zuora.com/", "https://rest.zuora.com/"]
        case (true, false): ["https://rest.sandbox.na.zuora.com/", "https://rest.apisandbox.zuora.com/"]
        case (false, true): ["https://rest.eu.zuora.com/"]
        case (true, true): ["https://rest.sandbox.eu.zuora.com/"]
        }
    }

    private static func seconds(_ config: Config, _ key: String, default value: Double) throws(ConfigError) -> Duration {
        guard config.contains(key) else { return .milliseconds(Int64(value * 1000)) }
        guard let number = config.number(key)?.doubleValue, number >= 0, number.isFinite else {
            throw .invalidValue(setting: key, reason: "must be a number of seconds (0 or more)")
        }
        return .milliseconds(Int64((number * 1000).rounded()))
    }
}
