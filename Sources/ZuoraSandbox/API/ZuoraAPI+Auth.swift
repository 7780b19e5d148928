import SandboxKit
import Singer

/// What every `/v1` call goes through: credentials (a live OAuth bearer token or the legacy
/// `apiAccessKeyId`/`apiSecretAccessKey` headers), then the rate-limit and flaky faults, and
/// the `RateLimit-*` headers Zuora sends on every answer.
extension ZuoraAPI {
    func authenticated(_ request: SandboxRequest, _ body: () throws -> SandboxResponse) -> SandboxResponse {
        do {
            try checkCredentials(request)
        } catch {
            counters.increment(ZuoraCounter.unauthorized)
            return error.response
        }
        counters.increment(ZuoraCounter.apiCalls)
        let remaining = countInWindow()
        var response: SandboxResponse
        if rateLimits.next().fires {
            counters.increment(ZuoraCounter.rateLimited)
            response = .json(status: 429, value: ["message": .string("You have exceeded the rate limit of \(options.rateLimitPerMinute) requests per minute. Retry after the time in the RateLimit-Reset header.")])
            response.setHeader("Retry-After", "1")
            addRateLimitHeaders(&response, remaining: 0, reset: 1)
            return response
        }
        let fault = flakyErrors.next()
        if fault.fires {
            counters.increment(ZuoraCounter.injectedErrors)
            let status = fault.firing % 2 == 1 ? 503 : 500
            response = ZuoraError.reasons(status, status == 503 ? 50_000_003 : 50_000_000, status == 503 ? "Service temporarily unavailable." : "Internal server error, please retry.").response
        } else {
            do {
                response = try body()
            } catch let error as ZuoraError {
                response = error.response
            } catch {
                response = ZuoraError.reasons(500, 50_000_000, "Internal error: \(error)").response
            }
        }
        addRateLimitHeaders(&response, remaining: remaining.remaining, reset: remaining.reset)
        return response
    }

    private func checkCredentials(_ request: SandboxRequest) throws(ZuoraError) {
        if let authorization = request.header("authorization"), authorization.lowercased().hasPrefix("bearer ") {
            let token = String(authorization.dropFirst(7)).trimmingSpaces
            let expiresAt = tokenExpiry.withLock { $0[token] }
            guard let expiresAt, now() < expiresAt, tokens.use(token) == .valid else { throw .unauthorized }
            return
        }
        if let key = request.header("apiaccesskeyid"), let secret = request.header("apisecretaccesskey") {
            guard key == credentials.username, secret == credentials.password else { throw .unauthorized }
            counters.increment(ZuoraCounter.legacyAuthCalls)
            return
        }
        throw .unauthorized
    }

    /// Counts the call in the current one-minute window; returns what is left and when it resets.
    private func countInWindow() -> (remaining: Int, reset: Int) {
        let seconds = now() / 1000
        return rateWindow.withLock { window in
            if seconds - window.start >= 60 { window = (seconds, 0) }
            window.count += 1
            return (max(0, options.rateLimitPerMinute - window.count), Int(60 - (seconds - window.start)))
        }
    }

    private func addRateLimitHeaders(_ response: inout SandboxResponse, remaining: Int, reset: Int) {
        response.setHeader("RateLimit-Limit", String(options.rateLimitPerMinute))
        response.setHeader("RateLimit-Remaining", String(remaining))
        response.setHeader("RateLimit-Reset", String(reset))
    }
}

extension String {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
