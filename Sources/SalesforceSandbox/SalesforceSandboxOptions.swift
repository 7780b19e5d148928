import SandboxKit

/// How to build and run a Salesforce sandbox.
///
/// ```swift
/// let options = SalesforceSandboxOptions(seed: 1, records: 500, scenarios: [.tokenExpiry], port: 0)
/// ```
public struct SalesforceSandboxOptions: Sendable {
    /// Seeds every generated value: the same seed gives the same org.
    public var seed: UInt64
    /// Opportunities in the org; other objects scale from it (Accounts N/5, Contacts N/2…).
    public var records: Int
    /// Fault scenarios to run.
    public var scenarios: Set<SalesforceScenario>
    /// TCP port on 127.0.0.1; 0 picks a free one.
    public var port: Int
    /// "Now" for tokens, jobs and changes; `.system` or a fixed instant.
    public var clock: SandboxClock
    /// Verify JWT assertions with this public key (PEM) instead of the generated pair's.
    public var jwtPublicKeyPEM: String?
    /// Calls each access token answers under ``SalesforceScenario/tokenExpiry``.
    public var callsPerToken: Int
    /// Under ``SalesforceScenario/flaky``: every this-many-th data call fails with a 5xx.
    public var flakyPeriod: Int
    /// Under ``SalesforceScenario/flaky``: every this-many-th records call drops mid-body.
    public var dropPeriod: Int
    /// Under ``SalesforceScenario/queryTimeout``: the widest datetime window that succeeds.
    public var queryTimeoutWindowDays: Int
    /// The org's daily API limit; `nil` uses 100,000 (15,000 under ``SalesforceScenario/quota``).
    public var apiLimit: Int?
    /// API calls already used today; `nil` seeds 1,000–4,999 (11,950 under `quota`).
    public var apiUsageBase: Int?
    /// Whether `Sforce-Limit-Info` carries `; api-bursts=…` after `api-usage=U/L` (Salesforce
    /// documents both forms; singer-io's regex only matches the bare one).
    public var limitInfoWithBursts: Bool
    /// Whether the refresh-token grant rotates the refresh token (returns a new one and
    /// invalidates the old), as orgs with rotation enabled do.
    public var rotatesRefreshTokens: Bool

    public init(
        seed: UInt64 = 1, records: Int = 1_000, scenarios: Set<SalesforceScenario> = [], port: Int = 0,
        clock: SandboxClock = .system, jwtPublicKeyPEM: String? = nil, callsPerToken: Int = 40,
        flakyPeriod: Int = 7, dropPeriod: Int = 11, queryTimeoutWindowDays: Int = 180,
        apiLimit: Int? = nil, apiUsageBase: Int? = nil, limitInfoWithBursts: Bool = true,
        rotatesRefreshTokens: Bool = false
    ) {
        self.seed = seed
        self.records = max(0, records)
        self.scenarios = scenarios
        self.port = port
        self.clock = clock
        self.jwtPublicKeyPEM = jwtPublicKeyPEM
        self.callsPerToken = callsPerToken
        self.flakyPeriod = flakyPeriod
        self.dropPeriod = dropPeriod
        self.queryTimeoutWindowDays = queryTimeoutWindowDays
        self.apiLimit = apiLimit
        self.apiUsageBase = apiUsageBase
        self.limitInfoWithBursts = limitInfoWithBursts
        self.rotatesRefreshTokens = rotatesRefreshTokens
    }

    /// The daily limit in force.
    var effectiveAPILimit: Int { apiLimit ?? (scenarios.contains(.quota) ? 15_000 : 100_000) }

    /// Usage at start.
    func effectiveUsageBase() -> Int {
        if let apiUsageBase { return apiUsageBase }
        if scenarios.contains(.quota) { return 11_950 }
        var random = SeededRandom(seed: seed, purpose: "api-usage")
        return Int.random(in: 1_000..<5_000, using: &random)
    }
}
