import SandboxKit

/// How to build and run a Marketo sandbox.
///
/// ```swift
/// let options = MarketoSandboxOptions(seed: 1, records: 500, scenarios: [.tokenExpiry])
/// ```
public struct MarketoSandboxOptions: Sendable {
    /// Seeds every generated value: the same seed (and anchor) gives the same subscription.
    public var seed: UInt64
    /// Leads in the database; activities, programs, campaigns and lists scale from it.
    public var records: Int
    /// Fault scenarios to run.
    public var scenarios: Set<MarketoScenario>
    /// TCP port on 127.0.0.1; 0 picks a free one.
    public var port: Int
    /// "Now" for tokens, jobs, usage and changes.
    public var clock: SandboxClock
    /// The newest generated timestamp (seconds since 1970); `nil` uses the clock's now
    /// truncated to midnight UTC. Generated data spans ``historyDays`` before it.
    public var anchorSeconds: Int?
    /// How far back generated data reaches.
    public var historyDays: Int
    /// Lifetime of a new access token in seconds (Marketo: 3600, reported as `expires_in` 3599).
    public var tokenLifetimeSeconds: Int
    /// Calls each token answers under ``MarketoScenario/tokenExpiry``.
    public var callsPerToken: Int
    /// Under ``MarketoScenario/flaky``: every this-many-th API call answers 503.
    public var flakyPeriod: Int
    /// Under ``MarketoScenario/flaky``: every this-many-th file download drops mid-body.
    public var dropPeriod: Int
    /// Under ``MarketoScenario/rateLimit``: every this-many-th API call answers 606.
    public var rateLimitPeriod: Int
    /// Calls allowed per ``rateLimitWindowSeconds`` (Marketo: 100 per 20 s); `nil` disables.
    public var rateLimitCalls: Int?
    /// The sliding window of the rate limit.
    public var rateLimitWindowSeconds: Int
    /// Requests served at once before 615 (Marketo: 10).
    public var concurrencyLimit: Int
    /// Daily API quota (Marketo default 50,000).
    public var dailyQuota: Int
    /// Calls already used today; `nil` seeds 500–2,499 (quota − 20 under `daily-quota`).
    public var usageBase: Int?
    /// Daily bulk export allocation in bytes (500 MB; 1 byte under `export-quota`).
    public var exportDailyBytes: Int?
    /// Status polls a queued job needs to reach `Completed`: the first poll moves
    /// `Queued` → `Processing` (when fewer than 2 jobs run), later polls complete it.
    /// 0 completes an export as soon as it is enqueued.
    public var pollsToComplete: Int
    /// Whether the subscription supports the lead `updatedAt` filter (otherwise 1035).
    public var supportsUpdatedAtFilter: Bool

    public init(
        seed: UInt64 = 1, records: Int = 1_000, scenarios: Set<MarketoScenario> = [], port: Int = 0,
        clock: SandboxClock = .system, anchorSeconds: Int? = nil, historyDays: Int = 90,
        tokenLifetimeSeconds: Int = 3600, callsPerToken: Int = 25, flakyPeriod: Int = 7, dropPeriod: Int = 3,
        rateLimitPeriod: Int = 5, rateLimitCalls: Int? = 100, rateLimitWindowSeconds: Int = 20,
        concurrencyLimit: Int = 10, dailyQuota: Int = 50_000, usageBase: Int? = nil, exportDailyBytes: Int? = nil,
        pollsToComplete: Int = 2, supportsUpdatedAtFilter: Bool = true
    ) {
        self.seed = seed
        self.records = max(0, records)
        self.scenarios = scenarios
        self.port = port
        self.clock = clock
        self.anchorSeconds = anchorSeconds
        self.historyDays = max(1, historyDays)
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
        self.callsPerToken = callsPerToken
        self.flakyPeriod = flakyPeriod
        self.dropPeriod = dropPeriod
        self.rateLimitPeriod = rateLimitPeriod
        self.rateLimitCalls = rateLimitCalls
        self.rateLimitWindowSeconds = rateLimitWindowSeconds
        self.concurrencyLimit = concurrencyLimit
        self.dailyQuota = dailyQuota
        self.usageBase = usageBase
        self.exportDailyBytes = exportDailyBytes
        self.pollsToComplete = max(0, pollsToComplete)
        self.supportsUpdatedAtFilter = supportsUpdatedAtFilter
    }

    /// The export allocation in force.
    var effectiveExportDailyBytes: Int {
        exportDailyBytes ?? (scenarios.contains(.exportQuota) ? 1 : 500 * 1024 * 1024)
    }

    /// Calls used at start.
    func effectiveUsageBase() -> Int {
        if let usageBase { return usageBase }
        if scenarios.contains(.dailyQuota) { return max(0, dailyQuota - 20) }
        var random = SeededRandom(seed: seed, purpose: "api-usage")
        return Int.random(in: 500..<2_500, using: &random)
    }

    /// The anchor in force.
    func effectiveAnchor() -> Int {
        if let anchorSeconds { return anchorSeconds }
        let now = Int(clock.nowSeconds())
        return now - now % 86_400
    }
}
