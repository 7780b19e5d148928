/// singer-python's `record_count` counter: counts records and reports the increment since the
/// last report every 60 seconds (checked on each increment) and on ``flush()``.
///
/// Safe to increment from several threads.
///
/// ```swift
/// let counter = Metrics().recordCounter(endpoint: "Account")
/// for record in page { counter.increment() }
/// counter.flush()
/// ```
public final class RecordCounter: Sendable {
    /// singer-python's reporting interval.
    public static let defaultInterval: Double = 60

    private struct Tally {
        var unreported = 0
        var lastReport: Double
        var total = 0
    }

    public let metric: String
    public let tags: JSONObject
    public let interval: Double
    private let metrics: Metrics
    private let tally: LockedValue<Tally>

    public init(metric: String, tags: JSONObject, metrics: Metrics, interval: Double = RecordCounter.defaultInterval) {
        self.metric = metric
        self.tags = tags
        self.metrics = metrics
        self.interval = interval
        tally = LockedValue(Tally(lastReport: metrics.clock.now()))
    }

    /// Reports whatever is still unreported, so counts are not lost when a caller forgets ``flush()``.
    deinit {
        tally.withLock { tally in
            if tally.unreported > 0 { report(&tally, at: metrics.clock.now()) }
        }
    }

    /// Adds `amount`; reports if the interval has passed since the last report.
    public func increment(by amount: Int = 1) {
        tally.withLock { tally in
            tally.unreported += amount
            tally.total += amount
            let now = metrics.clock.now()
            if now - tally.lastReport >= interval { report(&tally, at: now) }
        }
    }

    /// Reports the increment since the last report, even when it is zero, as singer-python does
    /// when a counter's block ends.
    public func flush() {
        tally.withLock { tally in report(&tally, at: metrics.clock.now()) }
    }

    /// Everything counted since the counter was created.
    public var total: Int { tally.current.total }

    private func report(_ tally: inout Tally, at now: Double) {
        metrics.emit(Metric(kind: .counter, name: metric, value: JSONNumber(tally.unreported), tags: tags))
        tally.unreported = 0
        tally.lastReport = now
    }
}
