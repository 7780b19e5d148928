import Synchronization
import Testing
@testable import TapMarketo

@Suite struct RateLimiterTests {
    @Test func hundredCallsFitTheWindowAndTheNextWaitsForTheOldestToAge() {
        var window = CallWindow(limit: 100, window: .seconds(20))
        for call in 0..<100 {
            #expect(window.delay(at: .milliseconds(call * 10)) == .zero)
            window.record(at: .milliseconds(call * 10))
        }
        // The 101st call at 1 s waits until the first (at 0 s) is 20 s old.
        #expect(window.delay(at: .seconds(1)) == .seconds(19))
        #expect(window.delay(at: .seconds(20)) == .zero)
        window.record(at: .seconds(20))
        // Now the oldest is the call at 10 ms.
        #expect(window.delay(at: .seconds(20)) == .milliseconds(10))
    }

    @Test func limiterSleepsInsteadOfExceedingTheWindow() throws {
        let clock = Mutex<Duration>(.zero)
        let slept = Mutex<[Duration]>([])
        let limiter = MarketoRateLimiter(
            callsPerWindow: 3, window: .seconds(20), maxConcurrent: 10,
            now: { clock.withLock { $0 } },
            sleep: { duration in
                slept.withLock { $0.append(duration) }
                clock.withLock { $0 += duration }
            })
        for _ in 0..<7 { try limiter.withPermit {} }
        // Calls 4 and 7 each wait for a whole window.
        #expect(slept.withLock { $0 } == [.seconds(20), .seconds(20)])
    }
}
