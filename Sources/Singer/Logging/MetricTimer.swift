/// A running singer-python timer: started when created, reported once with ``stop(status:extraTags:)``.
///
/// ```swift
/// let timer = metrics.startHTTPRequestTimer(endpoint: "query")
/// // ... the request ...
/// timer.stopHTTPRequest(statusCode: 200)
/// // INFO METRIC: {"type": "timer", "metric": "http_request_duration", "value": 0.53,
/// //   "tags": {"endpoint": "query", "http_status_code": 200, "status": "succeeded"}}
/// ```
public struct MetricTimer: Sendable {
    public let metric: String
    public let tags: JSONObject
    public let startedAt: Double
    private let metrics: Metrics

    public init(metric: String, tags: JSONObject, metrics: Metrics) {
        self.metric = metric
        self.tags = tags
        self.metrics = metrics
        startedAt = metrics.clock.now()
    }

    /// Emits the elapsed seconds with the start tags, then `extraTags`, then `status`
    /// (the order singer-python's tags end up in). Returns what was emitted.
    @discardableResult
    public func stop(status: MetricStatus, extraTags: JSONObject = [:]) -> Metric {
        var allTags = tags
        for member in extraTags { allTags[member.key] = member.value }
        allTags["status"] = .string(status.rawValue)
        let metric = Metric(
            kind: .timer, name: metric, value: Metric.seconds(metrics.clock.now() - startedAt), tags: allTags)
        metrics.emit(metric)
        return metric
    }

    /// Stops an HTTP timer: `http_status_code` when a response arrived, and `succeeded` unless
    /// told otherwise or the status is 400 or above.
    @discardableResult
    public func stopHTTPRequest(statusCode: Int?, succeeded: Bool? = nil) -> Metric {
        let ok = succeeded ?? statusCode.map { $0 < 400 } ?? false
        let extra: JSONObject = statusCode.map { ["http_status_code": .number(JSONNumber($0))] } ?? [:]
        return stop(status: ok ? .succeeded : .failed, extraTags: extra)
    }
}
