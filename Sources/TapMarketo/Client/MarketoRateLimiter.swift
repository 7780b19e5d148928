import Foundation

/// Keeps this process within Marketo's documented limits before the server has to say so:
/// 100 calls per 20 seconds (error 606) and 10 concurrent calls (error 615).
///
/// ```swift
/// let limiter = MarketoRateLimiter(callsPerWindow: 100, window: .seconds(20), maxConcurrent: 10)
/// try limiter.withPermit { try client.send(request) }
/// ```
public final class MarketoRateLimiter: @unchecked Sendable {
    private let condition = NSCondition()
    private var calls: CallWindow
    private var running = 0
    private let maxConcurrent: Int
    private let now: @Sendable () -> Duration
    private let sleep: @Sendable (Duration) -> Void

    public init(
        callsPerWindow: Int = 100, window: Duration = .seconds(20), maxConcurrent: Int = 10,
        now: @escaping @Sendable () -> Duration = MarketoRateLimiter.monotonicNow,
        sleep: @escaping @Sendable (Duration) -> Void = { Thread.sleep(forTimeInterval: Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18) }
    ) {
        calls = CallWindow(limit: callsPerWindow, window: window)
        self.maxConcurrent = max(1, maxConcurrent)
        self.now = now
        self.sleep = sleep
    }

    /// Runs `body` once a concurrency slot is free and the call fits the window.
    public func withPermit<Result>(_ body: () throws -> Result) throws -> Result {
        acquire()
        defer { release() }
        return try body()
    }

    /// Calls made in the current window (for logs and tests).
    public var recentCalls: Int { condition.withLock { calls.starts.count } }

    private func acquire() {
        condition.lock()
        while running >= maxConcurrent { condition.wait() }
        running += 1
        // Reserve the window slot while holding the lock, sleeping outside it.
        while true {
            let wait = calls.delay(at: now())
            if wait == .zero { break }
            condition.unlock()
            sleep(wait)
            condition.lock()
        }
        calls.record(at: now())
        condition.unlock()
    }

    private func release() {
        condition.lock()
        running -= 1
        condition.signal()
        condition.unlock()
    }

    /// A monotonic clock reading.
    public static let monotonicNow: @Sendable () -> Duration = {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return .seconds(Int64(spec.tv_sec)) + .nanoseconds(Int64(spec.tv_nsec))
    }
}
