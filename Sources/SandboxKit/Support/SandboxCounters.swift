import Synchronization

/// Named counters shared by a sandbox's handlers (API calls, logins, injected faults…), so
/// tests can assert that retries and re-authentication happened.
///
/// ```swift
/// let counters = SandboxCounters()
/// counters.increment("logins")
/// counters["logins"]   // 1
/// ```
public final class SandboxCounters: Sendable {
    private let values = Mutex<[String: Int]>([:])

    public init() {}

    /// Adds `amount` to counter `name` and returns the new value.
    @discardableResult
    public func increment(_ name: String, by amount: Int = 1) -> Int {
        values.withLock { values in
            let next = values[name, default: 0] + amount
            values[name] = next
            return next
        }
    }

    /// The current value of `name` (0 when never incremented).
    public subscript(name: String) -> Int {
        values.withLock { $0[name, default: 0] }
    }

    /// Every counter at this moment.
    public var snapshot: [String: Int] { values.withLock { $0 } }
}
