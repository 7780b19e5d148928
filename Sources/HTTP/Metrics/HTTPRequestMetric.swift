/// One measured attempt, handed to an ``HTTPMetricsHandler``.
///
/// The fields match what singer-python's `http_request_duration` timer
/// reports (endpoint, status, duration, succeeded), without this module
/// knowing about Singer.
public struct HTTPRequestMetric: Sendable, Hashable {
    /// The URL path, without host or query, so secrets never become tags.
    public var endpoint: String
    /// The HTTP status, or `nil` when no response arrived.
    public var statusCode: Int?
    /// Wall-clock seconds the attempt took, including the streamed body.
    public var durationSeconds: Double
    /// Whether the attempt ended with a complete 2xx response.
    public var succeeded: Bool
    /// The 1-based attempt number within the request's retries.
    public var attempt: Int

    /// Creates a metric record.
    public init(endpoint: String, statusCode: Int?, durationSeconds: Double, succeeded: Bool, attempt: Int) {
        self.endpoint = endpoint
        self.statusCode = statusCode
        self.durationSeconds = durationSeconds
        self.succeeded = succeeded
        self.attempt = attempt
    }
}

/// Called after every attempt (including ones that will be retried).
///
/// ```swift
/// let client = HTTPClient(onMetric: { metric in
///     emitTimer("http_request_duration", metric.durationSeconds, tags: ["endpoint": metric.endpoint])
/// })
/// ```
public typealias HTTPMetricsHandler = @Sendable (HTTPRequestMetric) -> Void
