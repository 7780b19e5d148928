import Foundation
import Singer

/// tap-marketo's settings: the keys singer-io tap-marketo 2.9.4 reads, with its defaults, plus
/// `identity` (which its README documents and it ignores) and SDK-style extras.
///
/// ```swift
/// let configuration = try MarketoConfiguration(config)
/// configuration.restURL        // "https://123-ABC-456.mktorest.com/rest"
/// configuration.identityURL    // "https://123-ABC-456.mktorest.com/identity"
/// ```
public struct MarketoConfiguration: Sendable {
    /// The REST API base, as Marketo's admin page shows it (no trailing slash), e.g.
    /// `https://123-ABC-456.mktorest.com/rest`.
    public var restURL: String
    /// The bulk API base on the same host: `https://123-ABC-456.mktorest.com/bulk`.
    public var bulkURL: String
    /// The Identity service base: `https://123-ABC-456.mktorest.com/identity` by default.
    public var identityURL: String
    public var clientID: String
    public var clientSecret: String
    /// `start_date` as written, the first bookmark of every incremental stream.
    public var startDate: String
    /// Seconds since 1970 of `start_date`.
    public var startSeconds: Int
    /// The run stops (exit 1, usable state) before the subscription's calls today exceed this.
    public var maxDailyCalls: Int
    public var userAgent: String
    /// Longest wait for one bulk export job.
    public var jobTimeout: Duration
    /// Pause between bulk job status polls.
    public var pollInterval: Duration
    /// Limit on one request.
    public var requestTimeout: Duration
    /// Days per bulk export window (Marketo allows at most 31).
    public var maxExportDays: Int
    /// Pause before retrying after error 606 (rate limit) or 615 (concurrency).
    public var rateLimitPause: Duration
    /// Calls allowed per `rateWindow`, and that window.
    public var callsPerWindow: Int
    public var rateWindow: Duration

    /// Default `max_daily_calls`: 80% of Marketo's default 50,000.
    public static let defaultMaxDailyCalls = 40_000

    public init(_ config: Config) throws(ConfigError) {
        let endpoint = try config.requiredString("endpoint")
        guard let base = Self.instanceBase(endpoint: endpoint) else {
            throw .invalidValue(setting: "endpoint", reason: "'\(endpoint)' is neither a Munchkin id such as 123-ABC-456 "
                + "nor the REST endpoint from Admin → Web Services, such as https://123-ABC-456.mktorest.com/rest")
        }
        restURL = base + "/rest"
        bulkURL = base + "/bulk"
        if let identity = config.string("identity"), !identity.isEmpty {
            identityURL = Self.trimmingSlashes(identity)
        } else {
            identityURL = base + "/identity"
        }
        clientID = try config.requiredString("client_id")
        clientSecret = try config.requiredString("client_secret")
        startDate = try config.requiredString("start_date")
        guard let start = MarketoTime.parse(startDate) else {
            throw .invalidValue(setting: "start_date", reason: "'\(startDate)' is not a date or an RFC 3339 date-time "
                + "(e.g. 2024-01-01T00:00:00Z)")
        }
        startSeconds = start
        maxDailyCalls = try Self.integer(config, "max_daily_calls", default: Self.defaultMaxDailyCalls, minimum: 2)
        userAgent = config.string("user_agent").flatMap { $0.isEmpty ? nil : $0 } ?? "Singer.io/tap-marketo"
        jobTimeout = try Self.seconds(config, "job_timeout", default: 10_800)
        pollInterval = try Self.seconds(config, "poll_interval", default: 300, allowZero: true)
        requestTimeout = try Self.seconds(config, "request_timeout", default: 300)
        maxExportDays = try Self.integer(config, "max_export_days", default: 30, minimum: 1)
        guard maxExportDays <= 31 else {
            throw .invalidValue(setting: "max_export_days", reason: "Marketo rejects bulk export ranges over 31 days; use 1 to 31")
        }
        rateLimitPause = try Self.seconds(config, "rate_limit_pause", default: 20, allowZero: true)
        callsPerWindow = try Self.integer(config, "calls_per_window", default: 100, minimum: 1)
        rateWindow = try Self.seconds(config, "rate_window", default: 20, allowZero: true)
    }

    /// `https://host` from the endpoint setting: a full REST URL (with or without `/rest`, a
    /// trailing slash or `/v1`), a bare host, or a Munchkin id (the Python tap's reading).
    static func instanceBase(endpoint: String) -> String? {
        var text = trimmingSlashes(endpoint.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.isEmpty { return nil }
        if !text.contains("://") {
            if isMunchkinID(text) { return "https://\(text).mktorest.com" }
            text = "https://" + text
        }
        for suffix in ["/rest/v1", "/rest", "/identity", "/bulk/v1", "/bulk"] where text.hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count))
            break
        }
        guard let schemeEnd = text.range(of: "://"), !text[schemeEnd.upperBound...].isEmpty,
              !text.contains(where: { $0.isWhitespace }),
              text.hasPrefix("http://") || text.hasPrefix("https://")
        else { return nil }
        return text
    }

    /// `123-ABC-456`: three digits, three word characters, three digits.
    static func isMunchkinID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ $0.count == 3 }) else { return false }
        return parts[0].allSatisfy(\.isNumber) && parts[2].allSatisfy(\.isNumber)
            && parts[1].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    static func trimmingSlashes(_ text: String) -> String {
        var result = Substring(text)
        while result.hasSuffix("/") { result = result.dropLast() }
        return String(result)
    }

    private static func integer(_ config: Config, _ key: String, default value: Int, minimum: Int) throws(ConfigError) -> Int {
        guard config.contains(key), config.string(key) != "" else { return value }
        guard let number = config.int(key) ?? config.number(key)?.doubleValue.exactInt else {
            throw .invalidValue(setting: key, reason: "must be a whole number")
        }
        guard number >= minimum else { throw .invalidValue(setting: key, reason: "must be at least \(minimum), got \(number)") }
        return number
    }

    /// Seconds as a number or a string; `0`, `"0"` and `""` mean the default unless `allowZero`
    /// (the Python tap's reading of `request_timeout`).
    private static func seconds(_ config: Config, _ key: String, default value: Double, allowZero: Bool = false)
        throws(ConfigError) -> Duration
    {
        guard config.contains(key), config.string(key) != "" else { return .milliseconds(Int(value * 1000)) }
        guard let number = config.number(key)?.doubleValue, number.isFinite, number >= 0 else {
            throw .invalidValue(setting: key, reason: "must be a number of seconds")
        }
        if number == 0 && !allowZero { return .milliseconds(Int(value * 1000)) }
        return .milliseconds(Int(number * 1000))
    }
}

extension Double {
    fileprivate var exactInt: Int? { rounded() == self && abs(self) < 1e15 ? Int(self) : nil }
}
