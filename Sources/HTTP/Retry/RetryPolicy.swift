import Foundation

/// When and how long to wait before trying a failed request again.
///
/// Delays grow exponentially with *full jitter* (a uniformly random delay
/// between zero and the exponential ceiling), which spreads out many clients
/// that failed together instead of having them retry in lock-step. A server's
/// `Retry-After` takes precedence over the computed delay, capped by
/// ``maxDelay`` so a hostile or buggy header cannot stall a sync for hours.
///
/// ```swift
/// let policy = RetryPolicy(maxAttempts: 6, baseDelay: .milliseconds(500), maxDelay: .seconds(30))
/// ```
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in total, counting the first; `1` disables retries.
    public var maxAttempts: Int
    /// The ceiling of the first retry's delay; it doubles per attempt.
    public var baseDelay: Duration
    /// The largest delay ever waited, including one asked for by `Retry-After`.
    public var maxDelay: Duration
    /// Statuses worth retrying: rate limiting and transient server failures.
    public var retryableStatuses: Set<Int>

    /// Creates a policy; `maxAttempts` below 1 is treated as 1.
    public init(
        maxAttempts: Int = 5,
        baseDelay: Duration = .seconds(1),
        maxDelay: Duration = .seconds(60),
        retryableStatuses: Set<Int> = [429, 500, 502, 503, 504]
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.retryableStatuses = retryableStatuses
    }

    /// Five attempts, delays from 1 s doubling up to 60 s.
    public static let standard = RetryPolicy()
    /// A single attempt: failures are reported at once.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// Statuses by which a server says it refused a request without processing it, so even a
    /// request that is not idempotent (a `POST`) may be sent again: 429 Too Many Requests and
    /// 503 Service Unavailable.
    public static let statusesSafeToRepeatAnyRequest: Set<Int> = [429, 503]

    /// Whether a response with `status` should be tried again.
    public func shouldRetry(status: Int) -> Bool {
        retryableStatuses.contains(status)
    }

    /// Whether a response with `status` to a request should be tried again: any retryable
    /// status for an idempotent request, only ``statusesSafeToRepeatAnyRequest`` otherwise,
    /// since a `POST` answered 500 may already have created what it asked for.
    public func shouldRetry(status: Int, isIdempotent: Bool) -> Bool {
        shouldRetry(status: status) && (isIdempotent || Self.statusesSafeToRepeatAnyRequest.contains(status))
    }

    /// Whether a transfer `failure` should be tried again: any transient failure for an
    /// idempotent request, only one that happened before the request could have been sent
    /// (``CurlFailure/happenedBeforeSending``) otherwise.
    public func shouldRetry(transport failure: CurlFailure, isIdempotent: Bool) -> Bool {
        failure.isRetryable && (isIdempotent || failure.happenedBeforeSending)
    }

    /// The delay before attempt `failedAttempt + 1`.
    ///
    /// - Parameters:
    ///   - failedAttempt: the 1-based number of the attempt that just failed.
    ///   - retryAfter: the server's requested delay, if it sent one.
    ///   - unitRandom: a number in `0..<1` that picks the jittered delay.
    public func delay(afterAttempt failedAttempt: Int, retryAfter: Duration?, unitRandom: Double) -> Duration {
        if let retryAfter {
            return min(max(retryAfter, .zero), maxDelay)
        }
        // Capping the exponent keeps 2^n finite; the ceiling is capped anyway.
        let exponent = Double(min(max(failedAttempt - 1, 0), 62))
        let ceiling = min(baseDelay.secondsValue * pow(2, exponent), maxDelay.secondsValue)
        let jitter = min(max(unitRandom, 0), 1)
        return .secondsValue(ceiling * jitter)
    }
}
