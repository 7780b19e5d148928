import Foundation
import HTTP
import Testing

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 8, baseDelay: .seconds(1), maxDelay: .seconds(10))

    @Test func backoffUsesFullJitterBelowAnExponentialCeiling() {
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, unitRandom: 0.999_999) < .seconds(1))
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, unitRandom: 0.5) == .seconds(2))
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, unitRandom: 0) == .zero)
    }

    @Test func backoffNeverExceedsMaxDelayEvenAfterManyAttempts() {
        #expect(policy.delay(afterAttempt: 5, retryAfter: nil, unitRandom: 1) == .seconds(10))
        #expect(policy.delay(afterAttempt: 500, retryAfter: nil, unitRandom: 1) == .seconds(10))
    }

    @Test func retryAfterReplacesBackoffButIsCapped() {
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(4), unitRandom: 0) == .seconds(4))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(3_600), unitRandom: 0) == .seconds(10))
    }

    @Test func onlyRateLimitAndTransientServerStatusesAreRetried() {
        #expect([429, 500, 502, 503, 504].allSatisfy(policy.shouldRetry(status:)))
        #expect(![400, 401, 403, 404, 409, 501].contains(where: policy.shouldRetry(status:)))
    }

    @Test func zeroAttemptsMeansOneAttempt() {
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }
}

@Suite struct RetryAfterTests {
    let now = Date(timeIntervalSince1970: 784_111_767) // Sun, 06 Nov 1994 08:49:27 GMT

    @Test func secondsFormIsParsed() {
        #expect(RetryAfter.delay(from: " 120 ", now: now) == .seconds(120))
        #expect(RetryAfter.delay(from: "-5", now: now) == nil)
    }

    @Test func allThreeHTTPDateFormsAreParsed() {
        for form in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
            #expect(RetryAfter.delay(from: form, now: now) == .seconds(10), "\(form)")
        }
    }

    @Test func pastDateMeansNoWaitAndGarbageMeansNoHint() {
        #expect(RetryAfter.delay(from: "Sat, 05 Nov 1994 08:49:37 GMT", now: now) == .zero)
        #expect(RetryAfter.delay(from: "soon", now: now) == nil)
    }
}
