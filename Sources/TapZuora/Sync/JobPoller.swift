import Foundation

/// Waits for an export job: checks at once, then after `initial`, growing by half up to
/// `maximum`, until `check` returns a result or `timeout` has passed.
struct JobPoller {
    var initial: Duration
    var maximum: Duration
    var timeout: Duration

    /// `check` returns the finished job's result, or `nil` while it is still running.
    func wait<Result>(onTimeout: () -> Error, _ check: () throws -> Result?) throws -> Result {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var delay = initial
        while true {
            if let result = try check() { return result }
            guard clock.now + delay <= deadline else { throw onTimeout() }
            Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
            delay = min(delay * 1.5, maximum)
        }
    }
}
