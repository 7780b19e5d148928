import Synchronization

/// Marketo's call accounting: the daily quota (607), the sliding 20-second rate window
/// (606) and concurrent requests (615). Only successful calls count, as Marketo documents.
final class CallLimiter: Sendable {
    private struct State {
        var used: Int
        /// Seconds of the successful calls inside the rate window, oldest first.
        var recent: [Int] = []
        var inFlight = 0
    }

    private let state: Mutex<State>
    let dailyQuota: Int
    let rateCalls: Int?
    let rateWindow: Int
    let concurrency: Int

    init(usedAtStart: Int, dailyQuota: Int, rateCalls: Int?, rateWindow: Int, concurrency: Int) {
        state = Mutex(State(used: usedAtStart))
        self.dailyQuota = dailyQuota
        self.rateCalls = rateCalls
        self.rateWindow = rateWindow
        self.concurrency = concurrency
    }

    /// Calls used today.
    var used: Int { state.withLock { $0.used } }

    /// Starts a request; a 615 when too many are in flight (then no `finish` is needed).
    func begin() -> MarketoError? {
        state.withLock { state in
            guard state.inFlight < concurrency else { return .concurrency }
            state.inFlight += 1
            return nil
        }
    }

    /// Ends a request started with `begin`.
    func finish() { state.withLock { $0.inFlight -= 1 } }

    /// Whether a call may run now: 607 past the quota, 606 inside a full window.
    func admit(now: Int) -> MarketoError? {
        state.withLock { state in
            if state.used >= dailyQuota { return .dailyQuota }
            guard let rateCalls else { return nil }
            state.recent.removeAll { $0 <= now - rateWindow }
            return state.recent.count >= rateCalls ? .rateLimited : nil
        }
    }

    /// Counts one successful call.
    func count(now: Int) {
        state.withLock { state in
            state.used += 1
            if rateCalls != nil { state.recent.append(now) }
        }
    }
}
