import Foundation

/// The clock, sleep and randomness used between retries.
///
/// Injected rather than global so tests can record the delays a client chose
/// without waiting for them:
///
/// ```swift
/// let timing = RetryTiming(sleep: { delays.append($0) }, unitRandom: { 0.5 }, now: { fixedDate })
/// ```
public struct RetryTiming: Sendable {
    /// Blocks the calling thread for the given duration.
    public var sleep: @Sendable (Duration) -> Void
    /// Returns a uniformly distributed number in `0..<1` for jitter.
    public var unitRandom: @Sendable () -> Double
    /// The current time, for `Retry-After` HTTP-dates.
    public var now: @Sendable () -> Date

    /// Creates timing from the given functions.
    public init(
        sleep: @escaping @Sendable (Duration) -> Void,
        unitRandom: @escaping @Sendable () -> Double,
        now: @escaping @Sendable () -> Date
    ) {
        self.sleep = sleep
        self.unitRandom = unitRandom
        self.now = now
    }

    /// Real sleeping, the system random generator and the wall clock.
    public static let live = RetryTiming(
        sleep: { duration in
            guard duration > .zero else { return }
            Thread.sleep(forTimeInterval: duration.secondsValue)
        },
        unitRandom: { Double.random(in: 0..<1) },
        now: { Date() }
    )
}
