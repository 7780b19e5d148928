import SandboxKit

/// Fault scenarios a Zuora sandbox can run (`--scenario a,b`).
public enum ZuoraScenario: String, Sendable, Hashable, CaseIterable {
    /// Each OAuth token answers ``ZuoraSandboxOptions/callsPerToken`` calls (default 20), then
    /// 401; the token response's `expires_in` is ``ZuoraSandboxOptions/tokenLifetimeSeconds``.
    case tokenExpiry = "token-expiry"
    /// Every ``ZuoraSandboxOptions/flakyPeriod``-th authenticated call (default 7) answers
    /// 500 or 503 (alternating) before doing anything; every
    /// ``ZuoraSandboxOptions/dropPeriod``-th file download (default 3) closes the connection
    /// after half its body.
    case flaky
    /// Every ``ZuoraSandboxOptions/rateLimitPeriod``-th authenticated call (default 5) answers
    /// 429 with `RateLimit-Remaining: 0`, `RateLimit-Reset` and `Retry-After: 1`.
    case rateLimit = "rate-limit"
}

/// How to build and run a Zuora sandbox.
///
/// ```swift
/// let options = ZuoraSandboxOptions(seed: 1, records: 200, scenarios: [.flaky])
/// ```
public struct ZuoraSandboxOptions: Sendable {
    /// Seeds every generated value.
    public var seed: UInt64
    /// Accounts in the tenant; other objects scale from it.
    public var records: Int
    /// Fault scenarios.
    public var scenarios: Set<ZuoraScenario>
    /// TCP port on 127.0.0.1; 0 picks a free one.
    public var port: Int
    /// "Now" for tokens, jobs and changes.
    public var clock: SandboxClock
    /// `expires_in` of issued tokens; tokens stop working after it on the sandbox's clock.
    public var tokenLifetimeSeconds: Int
    /// Calls per token under ``ZuoraScenario/tokenExpiry``.
    public var callsPerToken: Int
    /// Under ``ZuoraScenario/flaky``: period of injected 5xx answers.
    public var flakyPeriod: Int
    /// Under ``ZuoraScenario/flaky``: period of file downloads cut off mid-body.
    public var dropPeriod: Int
    /// Under ``ZuoraScenario/rateLimit``: period of 429 answers.
    public var rateLimitPeriod: Int
    /// Requests per minute reported in `RateLimit-Limit` (an API Sandbox tenant's 2,500).
    public var rateLimitPerMinute: Int
    /// AQuA job polls answered `executing` before `completed` (0: the first poll completes).
    public var aquaPollsBeforeCompletion: Int
    /// Export polls answered `Processing` before `Completed`.
    public var exportPollsBeforeCompletion: Int

    public init(
        seed: UInt64 = 1, records: Int = 200, scenarios: Set<ZuoraScenario> = [], port: Int = 0, clock: SandboxClock = .system,
        tokenLifetimeSeconds: Int = 3599, callsPerToken: Int = 20, flakyPeriod: Int = 7, dropPeriod: Int = 3,
        rateLimitPeriod: Int = 5, rateLimitPerMinute: Int = 2_500, aquaPollsBeforeCompletion: Int = 0, exportPollsBeforeCompletion: Int = 0
    ) {
        self.seed = seed
        self.records = max(0, records)
        self.scenarios = scenarios
        self.port = port
        self.clock = clock
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
        self.callsPerToken = callsPerToken
        self.flakyPeriod = flakyPeriod
        self.dropPeriod = dropPeriod
        self.rateLimitPeriod = rateLimitPeriod
        self.rateLimitPerMinute = rateLimitPerMinute
        self.aquaPollsBeforeCompletion = aquaPollsBeforeCompletion
        self.exportPollsBeforeCompletion = exportPollsBeforeCompletion
    }
}

/// Credentials the sandbox accepts: an OAuth client, an API user (legacy headers) and an AQuA partner id.
public struct ZuoraCredentials: Sendable, Hashable {
    /// OAuth client id (`client_id`).
    public var clientID: String
    /// OAuth client secret (`client_secret`).
    public var clientSecret: String
    /// API user for `apiAccessKeyId`.
    public var username: String
    /// Password for `apiSecretAccessKey`.
    public var password: String
    /// The AQuA `partner` the tenant accepts.
    public var partnerID: String
}
