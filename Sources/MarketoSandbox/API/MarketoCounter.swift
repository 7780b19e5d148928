/// Names of the counters a Marketo sandbox keeps (``MarketoSandbox/counters``).
public enum MarketoCounter {
    /// Every HTTP request received.
    public static let requests = "requests"
    /// Access tokens minted by the identity endpoint.
    public static let tokensIssued = "tokensIssued"
    /// Identity calls (new or reused token).
    public static let identityCalls = "identityCalls"
    /// Successful API calls (counted against the daily quota).
    public static let apiCalls = "apiCalls"
    /// Injected HTTP 503 answers (`flaky`).
    public static let injected5xx = "injected5xx"
    /// File downloads cut off mid-body (`flaky`).
    public static let droppedDownloads = "droppedDownloads"
    /// Answers with a given error code: `error.<code>`, e.g. `error.602`.
    public static func error(_ code: String) -> String { "error.\(code)" }
    /// Bulk exports created, enqueued and completed.
    public static let exportsCreated = "exportsCreated"
    public static let exportsEnqueued = "exportsEnqueued"
    public static let exportsCompleted = "exportsCompleted"
    /// File requests answered with 206 Partial Content.
    public static let rangeRequests = "rangeRequests"
}
