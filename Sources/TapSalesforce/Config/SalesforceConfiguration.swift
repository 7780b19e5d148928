import Foundation
import Singer

/// The tap's validated settings: the singer-io tap-salesforce 2.8.1 keys, the password and JWT
/// bearer flows, `login_url`, and a few Singer-SDK-style extras. Every problem is a
/// ``ConfigError`` naming the setting (exit 2).
///
/// ```swift
/// let configuration = try SalesforceConfiguration(config)
/// configuration.tokenURL     // "https://login.salesforce.com/services/oauth2/token"
/// configuration.apiType      // .rest
/// ```
public struct SalesforceConfiguration: Sendable {
    /// Which API syncs records: REST `queryAll`, or Bulk API 2.0 query jobs (`BULK`, `BULK2`).
    public enum APIType: String, Sendable {
        case rest = "REST"
        case bulk = "BULK"
    }

    /// How the tap logs in; chosen from the keys present (see ``init(_:)``).
    public enum Credentials: Sendable {
        /// OAuth refresh-token grant, the Python tap's only flow. `clientSecret` may be absent
        /// for connected apps that do not require it.
        case refreshToken(clientID: String, clientSecret: String?, refreshToken: String)
        /// OAuth username–password grant; Salesforce wants the security token appended to the password.
        case password(clientID: String, clientSecret: String, username: String, password: String, securityToken: String)
        /// OAuth JWT bearer grant: an assertion signed with the connected app's RSA private key.
        case jwt(clientID: String, username: String, privateKeyPEM: String)

        /// The grant's name for logs: `refresh_token`, `password`, `jwt-bearer`.
        public var grantName: String {
            switch self {
            case .refreshToken: "refresh_token"
            case .password: "password"
            case .jwt: "jwt-bearer"
            }
        }
    }

    public static let defaultLoginURL = "https://login.salesforce.com"
    public static let sandboxLoginURL = "https://test.salesforce.com"
    /// The API version the Python tap 2.8.1 uses.
    public static let defaultAPIVersion = "61.0"

    public var credentials: Credentials
    /// Scheme and host of the OAuth server, no trailing slash: `https://login.salesforce.com`,
    /// `https://test.salesforce.com` with `is_sandbox`, or `login_url` verbatim (My Domain, a sandbox emulator).
    public var loginURL: String
    /// `61.0`; `api_version` accepts `61`, `61.0` and `v61.0`.
    public var apiVersion: String
    public var apiType: APIType
    /// `start_date` as a moment; `nil` when not configured (then a sync starts from the oldest record).
    public var startDate: Date?
    /// `start_date` as written, which the Python tap uses verbatim as its first SOQL literal.
    public var startDateText: String?
    /// `lookback_window`: seconds subtracted from a saved bookmark (never from `start_date`).
    public var lookbackWindow: Int
    /// `select_fields_by_default`: discovery marks supported fields `selected-by-default`, and a
    /// sync selects `available` fields without a `selected` of their own.
    public var selectFieldsByDefault: Bool
    /// Stop when the org has used this percentage of its daily API requests (default 80).
    public var quotaPercentTotal: Double
    /// Stop when this run has used this percentage of the org's daily API requests (default 25).
    public var quotaPercentPerRun: Double
    /// The first wait between Bulk 2.0 job status polls.
    public var bulkPollInterval: Duration
    /// How long a Bulk 2.0 job may run before the tap gives up on it.
    public var bulkPollTimeout: Duration
    /// How long a request may go without receiving any bytes before it is abandoned and retried.
    public var requestTimeout: Duration
    /// Attempts per request, counting the first, for 5xx answers and dropped connections.
    public var maxAttempts: Int
    /// Only these objects are described at `--discover` (all when `nil`), to save time on large orgs.
    public var streamsToDiscover: [String]?

    /// The OAuth token endpoint: `{loginURL}/services/oauth2/token`.
    public var tokenURL: String { loginURL + "/services/oauth2/token" }

    /// Reads and checks the settings. Credentials are picked in this order: `private_key` (JWT
    /// bearer), `refresh_token` (the Python tap's grant), `username` + `password` (password grant).
    public init(_ config: Config) throws(ConfigError) {
        var problems: [ConfigError] = []
        func check<Value>(_ read: () throws(ConfigError) -> Value) -> Value? {
            do { return try read() } catch { problems.append(error); return nil }
        }

        let credentials = check { () throws(ConfigError) in try Self.credentials(config) }
        loginURL = check { () throws(ConfigError) in try Self.loginURL(config) } ?? Self.defaultLoginURL
        apiVersion = check { () throws(ConfigError) in try Self.apiVersion(config) } ?? Self.defaultAPIVersion
        apiType = check { () throws(ConfigError) in try Self.apiType(config) } ?? .rest

        startDateText = Self.nonEmptyString(config, "start_date")
        startDate = nil
        if let text = startDateText {
            if let date = StartDate.parse(text) {
                startDate = date
            } else {
                problems.append(.invalidValue(setting: "start_date", reason:
                    "'\(text)' is not a date; use RFC 3339 such as 2020-01-01T00:00:00Z, or a date such as 2020-01-01"))
            }
        }

        lookbackWindow = config.int("lookback_window") ?? 0
        if lookbackWindow < 0 {
            problems.append(.invalidValue(setting: "lookback_window", reason: "must be 0 or more seconds"))
        }
        selectFieldsByDefault = config.bool("select_fields_by_default") ?? false
        quotaPercentTotal = check { () throws(ConfigError) in try Self.percent(config, "quota_percent_total", default: 80) } ?? 80
        quotaPercentPerRun = check { () throws(ConfigError) in try Self.percent(config, "quota_percent_per_run", default: 25) } ?? 25
        bulkPollInterval = check { () throws(ConfigError) in try Self.seconds(config, "bulk_poll_interval", default: 5) } ?? .seconds(5)
        bulkPollTimeout = check { () throws(ConfigError) in try Self.seconds(config, "bulk_poll_timeout", default: 10_800) } ?? .seconds(10_800)
        requestTimeout = check { () throws(ConfigError) in try Self.seconds(config, "request_timeout", default: 300) } ?? .seconds(300)
        maxAttempts = config.int("max_attempts") ?? 5
        if maxAttempts < 1 {
            problems.append(.invalidValue(setting: "max_attempts", reason: "must be at least 1"))
        }
        streamsToDiscover = config.stringArray("streams_to_discover").flatMap { $0.isEmpty ? nil : $0 }

        if problems.count == 1 { throw problems[0] }
        if !problems.isEmpty { throw .several(problems) }
        // `credentials` is nil only when a problem was recorded above.
        guard let credentials else { throw .missing(setting: "refresh_token") }
        self.credentials = credentials
    }

    /// Memberwise, for tests and embedding.
    public init(
        credentials: Credentials, loginURL: String = Self.defaultLoginURL, apiVersion: String = Self.defaultAPIVersion,
        apiType: APIType = .rest, startDate: Date? = nil, startDateText: String? = nil, lookbackWindow: Int = 0,
        selectFieldsByDefault: Bool = false, quotaPercentTotal: Double = 80, quotaPercentPerRun: Double = 25,
        bulkPollInterval: Duration = .seconds(5), bulkPollTimeout: Duration = .seconds(10_800),
        requestTimeout: Duration = .seconds(300), maxAttempts: Int = 5, streamsToDiscover: [String]? = nil
    ) {
        self.credentials = credentials
        self.loginURL = loginURL
        self.apiVersion = apiVersion
        self.apiType = apiType
        self.startDate = startDate
        self.startDateText = startDateText
        self.lookbackWindow = lookbackWindow
        self.selectFieldsByDefault = selectFieldsByDefault
        self.quotaPercentTotal = quotaPercentTotal
        self.quotaPercentPerRun = quotaPercentPerRun
        self.bulkPollInterval = bulkPollInterval
        self.bulkPollTimeout = bulkPollTimeout
        self.requestTimeout = requestTimeout
        self.maxAttempts = maxAttempts
        self.streamsToDiscover = streamsToDiscover
    }
}
