/// Fault scenarios a Marketo sandbox can run (`--scenario token-expiry,flaky`).
public enum MarketoScenario: String, Sendable, CaseIterable, Hashable {
    /// Access tokens expire after ``MarketoSandboxOptions/callsPerToken`` calls: the next call
    /// answers error 602 "Access token expired" (HTTP 200, as Marketo does).
    case tokenExpiry = "token-expiry"
    /// Every ``MarketoSandboxOptions/flakyPeriod``-th API call answers HTTP 503, and every
    /// ``MarketoSandboxOptions/dropPeriod``-th bulk file download drops mid-body.
    case flaky
    /// Every ``MarketoSandboxOptions/rateLimitPeriod``-th API call answers error 606
    /// ("Max rate limit '100' exceeded with in '20' secs"); the retried call succeeds.
    case rateLimit = "rate-limit"
    /// The subscription starts 20 calls below its daily quota; then every call answers 607.
    case dailyQuota = "daily-quota"
    /// The daily bulk export allocation is tiny: once one export's file is written, every
    /// create and enqueue answers 1029 "Export daily quota exceeded".
    case exportQuota = "export-quota"
}
