/// Names of the counters a Salesforce sandbox keeps (read them with
/// ``SalesforceSandbox/counters`` or `GET /_sandbox/stats`).
public enum SalesforceCounter {
    /// Every HTTP request received.
    public static let requests = "requests"
    /// Authenticated calls that counted against the daily API limit.
    public static let apiCalls = "api_calls"
    /// Successful logins, any grant.
    public static let logins = "logins"
    /// Successful refresh-token grants.
    public static let refreshTokenLogins = "logins.refresh_token"
    /// Successful password grants.
    public static let passwordLogins = "logins.password"
    /// Successful JWT bearer grants.
    public static let jwtLogins = "logins.jwt_bearer"
    /// Refused token requests.
    public static let loginFailures = "login_failures"
    /// 401 `INVALID_SESSION_ID` answers.
    public static let invalidSessions = "invalid_sessions"
    /// 403 `REQUEST_LIMIT_EXCEEDED` answers.
    public static let limitExceeded = "limit_exceeded"
    /// Injected 5xx answers (flaky).
    public static let injectedErrors = "faults.http_5xx"
    /// Responses cut off mid-body (flaky).
    public static let droppedConnections = "faults.dropped_connections"
    /// 400 `QUERY_TIMEOUT` answers.
    public static let queryTimeouts = "query_timeouts"
    /// REST query/queryAll calls that started a cursor.
    public static let queries = "queries"
    /// REST query pages served (first pages and locator pages).
    public static let queryPages = "query_pages"
    /// Records served in REST pages and Bulk results.
    public static let recordsServed = "records_served"
    /// Bulk 2.0 and 1.0 query jobs created.
    public static let bulkJobs = "bulk_jobs"
    /// Bulk 1.0 batches added (PK-chunk batches included); they count against `DailyBulkApiBatches`.
    public static let bulkBatches = "bulk_batches"
    /// Bulk result pages served.
    public static let bulkResultPages = "bulk_result_pages"
}
