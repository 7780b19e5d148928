/// A source of monotonic seconds for metrics and progress reports; tests inject a manual one.
///
/// ```swift
/// let clock = MetricClock.monotonic
/// let start = clock.now()
/// // ... work ...
/// let elapsed = clock.now() - start   // seconds, never going backwards
/// ```
public struct MetricClock: Sendable {
    /// Seconds since an arbitrary fixed instant.
    public let now: @Sendable () -> Double

    public init(now: @escaping @Sendable () -> Double) { self.now = now }

    /// The system's continuous clock, unaffected by wall-clock changes.
    public static var monotonic: MetricClock {
        let origin = ContinuousClock.now
        return MetricClock {
            let elapsed = origin.duration(to: ContinuousClock.now).components
            return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        }
    }
}
