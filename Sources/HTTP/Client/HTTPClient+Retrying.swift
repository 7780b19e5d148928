import Foundation
import Logging

extension HTTPClient {
    /// Sends `request` with retries, logging and metrics.
    ///
    /// A request that is not ``HTTPRequest/isIdempotent`` is retried only when the server
    /// cannot have acted on it (``RetryPolicy/shouldRetry(status:isIdempotent:)``,
    /// ``RetryPolicy/shouldRetry(transport:isIdempotent:)``).
    ///
    /// - Parameter restartBody: called before a retry that follows a delivered
    ///   head or a partly delivered body; `nil` means the consumer cannot take
    ///   them twice, so such a failure is final.
    func execute(
        _ request: HTTPRequest,
        restartBody: (() -> Void)?,
        onHead: (HTTPResponseHead) throws -> Void,
        onChunk: (Data) throws -> Void
    ) throws -> HTTPResponseHead {
        let summary = HTTPRequestSummary(request, redactor: configuration.redactor)
        guard !isInsideTransferOnCurrentThread else {
            throw HTTPError.invalidRequest(summary, reason: "it was sent through the same HTTPClient from inside "
                + "a head or body handler of that client's running transfer, which would deadlock; "
                + "use a separate HTTPClient for requests made while handling a response")
        }
        let policy = configuration.retryPolicy
        var attemptNumber = 0
        var renewedCredentials = false
        while true {
            attemptNumber += 1
            let clock = ContinuousClock()
            let started = clock.now
            let (sent, credentials) = try authorized(request)
            let outcome = attempt(sent, onHead: onHead, onChunk: onChunk)
            let seconds = (clock.now - started).secondsValue
            record(outcome, summary: summary, attempt: attemptNumber, seconds: seconds)

            let retryAfter: Duration?
            switch outcome {
            case .success(let head):
                return head
            case .consumerFailed(let error):
                throw error
            case .invalid(let reason):
                throw HTTPError.invalidRequest(summary, reason: reason)
            case .status(let failure) where failure.status == 401 && !renewedCredentials:
                // Expired credentials: renew once and try again at once; a second 401 is final.
                guard request.usesAuthorizer, let authorizer,
                      try authorizer.renew(after: failure, rejected: credentials)
                else {
                    throw HTTPError.status(summary, failure, attempts: attemptNumber)
                }
                renewedCredentials = true
                logger.info("\(summary) answered 401; credentials renewed, sending again")
                continue
            case .status(let failure):
                guard policy.shouldRetry(status: failure.status, isIdempotent: request.isIdempotent),
                      attemptNumber < policy.maxAttempts
                else {
                    throw HTTPError.status(summary, failure, attempts: attemptNumber)
                }
                // Zuora and others announce the wait only in the IETF draft `RateLimit-Reset`
                // (seconds until the window resets); `Retry-After` wins when both are sent.
                retryAfter = failure.headers["Retry-After"].flatMap { RetryAfter.delay(from: $0, now: timing.now()) }
                    ?? (failure.status == 429 ? failure.headers["RateLimit-Reset"].flatMap { RetryAfter.delay(from: $0, now: timing.now()) } : nil)
            case .transport(let failure, let bytesDelivered, let headDelivered, _):
                // A head handed over counts like body bytes: a retry would run onHead again.
                if bytesDelivered > 0 || headDelivered {
                    guard let restartBody else {
                        throw HTTPError.streamInterrupted(
                            summary, failure, bytesDelivered: bytesDelivered, attempts: attemptNumber)
                    }
                    restartBody()
                }
                guard policy.shouldRetry(transport: failure, isIdempotent: request.isIdempotent),
                      attemptNumber < policy.maxAttempts
                else {
                    throw HTTPError.transport(summary, failure, attempts: attemptNumber)
                }
                retryAfter = nil
            }
            let delay = policy.delay(afterAttempt: attemptNumber, retryAfter: retryAfter, unitRandom: timing.unitRandom())
            logger.warning(
                "\(summary) \(Self.reason(outcome)) on attempt \(attemptNumber) of \(policy.maxAttempts); retrying in \(Self.format(delay.secondsValue)) s",
                metadata: ["http.method": "\(summary.method)", "http.url": "\(summary.redactedURL)",
                           "http.attempt": "\(attemptNumber)", "http.retry_delay_s": "\(Self.format(delay.secondsValue))"]
            )
            timing.sleep(delay)
        }
    }

    /// `request` with the authorizer's current headers replacing any of the same name, and
    /// those headers; unchanged (and no headers) when the request opts out of the authorizer.
    private func authorized(_ request: HTTPRequest) throws -> (HTTPRequest, credentials: HTTPHeaders) {
        guard request.usesAuthorizer, let authorizer else { return (request, [:]) }
        let credentials = try authorizer.authorizationHeaders()
        var request = request
        for field in credentials {
            request.headers.remove(name: field.name)
            request.headers.add(name: field.name, value: field.value)
        }
        return (request, credentials)
    }

    /// Logs one attempt at debug level and reports it to the metrics hook.
    private func record(_ outcome: AttemptOutcome, summary: HTTPRequestSummary, attempt: Int, seconds: Double) {
        let succeeded: Bool
        if case .success = outcome { succeeded = true } else { succeeded = false }
        logger.debug(
            "\(summary) → \(Self.reason(outcome)) in \(Self.format(seconds)) s",
            metadata: ["http.method": "\(summary.method)", "http.url": "\(summary.redactedURL)",
                       "http.status": "\(outcome.statusCode.map(String.init) ?? "none")",
                       "http.duration_s": "\(Self.format(seconds))", "http.attempt": "\(attempt)"]
        )
        onMetric?(HTTPRequestMetric(
            endpoint: summary.path, statusCode: outcome.statusCode, durationSeconds: seconds,
            succeeded: succeeded, attempt: attempt))
    }

    private static func reason(_ outcome: AttemptOutcome) -> String {
        switch outcome {
        case .success(let head): return "HTTP \(head.status)"
        case .status(let failure): return "HTTP \(failure.status)"
        case .transport(let failure, _, _, _): return "curl error \(failure.code) (\(CurlFailure.genericText(for: failure.code)))"
        case .consumerFailed: return "stopped by the body handler"
        case .invalid: return "invalid request"
        }
    }

    private static func format(_ seconds: Double) -> String {
        String(format: "%.3f", seconds)
    }
}
