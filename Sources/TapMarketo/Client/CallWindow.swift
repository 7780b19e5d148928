/// The arithmetic of a sliding-window rate limit: at most `limit` calls in any `window`.
///
/// ```swift
/// var calls = CallWindow(limit: 100, window: .seconds(20))
/// calls.delay(at: now)      // .zero while fewer than 100 calls were made in the last 20 s
/// calls.record(at: now)
/// ```
public struct CallWindow: Sendable, Hashable {
    public let limit: Int
    public let window: Duration
    /// Start times of the most recent calls, oldest first, at most `limit` of them.
    public private(set) var starts: [Duration] = []

    public init(limit: Int, window: Duration) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// How long to wait at `now` before a call keeps the window within its limit.
    public func delay(at now: Duration) -> Duration {
        guard starts.count >= limit, let oldest = starts.first else { return .zero }
        let free = oldest + window
        return free > now ? free - now : .zero
    }

    /// Records a call started at `now`.
    public mutating func record(at now: Duration) {
        starts.append(now)
        if starts.count > limit { starts.removeFirst(starts.count - limit) }
    }
}
