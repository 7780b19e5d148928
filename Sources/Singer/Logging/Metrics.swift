/// Emits singer-python `INFO METRIC: {...}` lines and hands out the standard counters and timers.
///
/// ```swift
/// let metrics = Metrics()                                  // stderr, monotonic clock
/// let counter = metrics.recordCounter(endpoint: "Account")
/// counter.increment(by: 200)
/// counter.flush()   // INFO METRIC: {"type": "counter", "metric": "record_count", "value": 200, "tags": {"endpoint": "Account"}}
///
/// let timer = metrics.startHTTPRequestTimer(endpoint: "Account")
/// timer.stopHTTPRequest(statusCode: 200)
/// ```
public struct Metrics: Sendable {
    public let output: LogOutput
    public let clock: MetricClock

    public init(output: LogOutput = SingerLogging.output, clock: MetricClock = .monotonic) {
        self.output = output
        self.clock = clock
    }

    /// Writes `metric` at INFO, unless the log level is above INFO (as in singer-python, where
    /// metrics go through the logger).
    public func emit(_ metric: Metric) {
        guard output.isEnabled(.info) else { return }
        output.write(level: .info, message: metric.logMessage)
    }

    /// A `record_count` counter tagged `endpoint`, reporting every `interval` seconds.
    public func recordCounter(endpoint: String, interval: Double = RecordCounter.defaultInterval) -> RecordCounter {
        RecordCounter(metric: "record_count", tags: ["endpoint": .string(endpoint)], metrics: self, interval: interval)
    }

    /// Starts an `http_request_duration` timer tagged `endpoint`.
    public func startHTTPRequestTimer(endpoint: String) -> MetricTimer {
        MetricTimer(metric: "http_request_duration", tags: ["endpoint": .string(endpoint)], metrics: self)
    }

    /// Starts a `job_duration` timer tagged `job_type` (e.g. a Salesforce bulk query job).
    public func startJobTimer(jobType: String) -> MetricTimer {
        MetricTimer(metric: "job_duration", tags: ["job_type": .string(jobType)], metrics: self)
    }

    /// Runs `body` under a `job_duration` timer, reporting `failed` if it throws.
    public func timeJob<Result>(jobType: String, _ body: () async throws -> Result) async rethrows -> Result {
        let timer = startJobTimer(jobType: jobType)
        do {
            let result = try await body()
            timer.stop(status: .succeeded)
            return result
        } catch {
            timer.stop(status: .failed)
            throw error
        }
    }
}
