import Synchronization

/// A deterministic fault trigger: counts events and fires on every `period`-th one
/// (the `period`-th, `2·period`-th, …), so a test knows exactly which request fails and the
/// client's retry (the next event) succeeds.
///
/// ```swift
/// let flaky = EveryNthEvent(period: 7)
/// (1...14).map { _ in flaky.next().fires }   // true at 7 and 14
/// ```
public final class EveryNthEvent: Sendable {
    /// What one event drew.
    public struct Draw: Sendable, Hashable {
        /// The event's 1-based number.
        public var number: Int
        /// Whether the fault fires on this event.
        public var fires: Bool
        /// How many times the fault has fired including this one (0 when it did not fire).
        public var firing: Int
    }

    /// Fires on multiples of this (≤ 0 never fires).
    public let period: Int
    private let count = Mutex(0)

    public init(period: Int) { self.period = period }

    /// Counts one event and says whether the fault fires on it.
    public func next() -> Draw {
        let number = count.withLock { value in
            value += 1
            return value
        }
        let fires = period > 0 && number % period == 0
        return Draw(number: number, fires: fires, firing: fires ? number / period : 0)
    }

    /// Events counted so far.
    public var events: Int { count.withLock { $0 } }
}
