import Logging

/// Logs the progress of a long stream sync at INFO every `interval` seconds, e.g.
/// `Account: 120000 records, 45000 records/s` (the rate since the previous report).
///
/// ```swift
/// let progress = ProgressReporter(stream: "Account", logger: logger)
/// for record in records { progress.advance() }
/// progress.finish()   // Account: finished, 120000 records in 2.7 s, 44444 records/s
/// ```
public final class ProgressReporter: Sendable {
    /// Every 30 seconds: often enough to show life, rarely enough not to flood stderr.
    public static let defaultInterval: Double = 30

    private struct Progress {
        var total = 0
        var atLastReport = 0
        var lastReport: Double
        let start: Double
    }

    public let stream: String
    public let interval: Double
    private let logger: Logger
    private let clock: MetricClock
    private let progress: LockedValue<Progress>

    public init(
        stream: String, logger: Logger = Logger(label: "singer.progress"), clock: MetricClock = .monotonic,
        interval: Double = ProgressReporter.defaultInterval
    ) {
        self.stream = stream
        self.logger = logger
        self.clock = clock
        self.interval = interval
        let now = clock.now()
        progress = LockedValue(Progress(lastReport: now, start: now))
    }

    /// Counts `records` more; logs if the interval has passed since the last report.
    public func advance(by records: Int = 1) {
        let message: String? = progress.withLock { progress in
            progress.total += records
            let now = clock.now()
            let elapsed = now - progress.lastReport
            guard elapsed >= interval else { return nil }
            let rate = Self.rate(progress.total - progress.atLastReport, over: elapsed)
            progress.atLastReport = progress.total
            progress.lastReport = now
            return "\(stream): \(progress.total) records, \(rate) records/s"
        }
        if let message { logger.info("\(message)") }
    }

    /// Logs the final count, the total duration and the average rate.
    public func finish() {
        let message = progress.withLock { progress in
            let elapsed = clock.now() - progress.start
            let seconds = (elapsed * 10).rounded() / 10
            return "\(stream): finished, \(progress.total) records in \(seconds) s, "
                + "\(Self.rate(progress.total, over: elapsed)) records/s"
        }
        logger.info("\(message)")
    }

    /// Records counted so far.
    public var total: Int { progress.current.total }

    private static func rate(_ records: Int, over seconds: Double) -> Int {
        seconds > 0 ? Int((Double(records) / seconds).rounded()) : records
    }
}
