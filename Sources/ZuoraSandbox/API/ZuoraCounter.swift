/// Names of the counters a Zuora sandbox keeps (``ZuoraSandbox/counters``, `GET /_sandbox/stats`).
public enum ZuoraCounter {
    /// Every HTTP request received.
    public static let requests = "requests"
    /// Authenticated API calls.
    public static let apiCalls = "api_calls"
    /// OAuth tokens issued.
    public static let tokensIssued = "oauth.tokens"
    /// Refused token requests.
    public static let tokenFailures = "oauth.failures"
    /// Calls refused with 401.
    public static let unauthorized = "unauthorized"
    /// Calls authenticated with the legacy apiAccessKeyId/apiSecretAccessKey headers.
    public static let legacyAuthCalls = "legacy_auth_calls"
    /// Injected 5xx answers.
    public static let injectedErrors = "faults.http_5xx"
    /// Downloads cut off mid-body.
    public static let droppedConnections = "faults.dropped_connections"
    /// 429 answers.
    public static let rateLimited = "faults.http_429"
    /// Describe calls.
    public static let describes = "describes"
    /// AQuA jobs submitted (including refused ones).
    public static let aquaJobs = "aqua.jobs"
    /// AQuA job polls.
    public static let aquaPolls = "aqua.polls"
    /// Export jobs created.
    public static let exports = "exports"
    /// Export polls.
    public static let exportPolls = "export.polls"
    /// Files downloaded completely or partly.
    public static let fileDownloads = "files.downloads"
    /// Data rows written into result files.
    public static let rowsExported = "rows_exported"
}
