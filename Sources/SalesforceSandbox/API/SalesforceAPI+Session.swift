import SandboxKit

/// What every authenticated REST call goes through, in Salesforce's order: session check
/// (401), daily limit (403), usage count, then the flaky scenario's faults; every answer
/// after the session check carries `Sforce-Limit-Info`. `render` turns errors into answers:
/// REST's JSON arrays by default, asyncapi documents for Bulk 1.0.
extension SalesforceAPI {
    func authenticated(
        _ request: SandboxRequest, render: (APIError) -> SandboxResponse = { $0.response }, _ body: () throws -> SandboxResponse
    ) -> SandboxResponse {
        let used: Int
        do {
            try checkSession(request)
            used = try countCall()
        } catch {
            return render(error)
        }
        var response: SandboxResponse
        do {
            if let fault = injectedFault(method: request.method) {
                response = render(fault)
            } else {
                response = try body()
            }
        } catch let error as APIError {
            response = render(error)
        } catch {
            response = render(APIError(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred: \(error)"))
        }
        response.setHeader("Sforce-Limit-Info", limitInfo(used: used))
        if response.status == 200, response.header("Sforce-Records") != nil {
            response.headers.removeAll { $0.name == "Sforce-Records" }
            let draw = flakyDrops.next()
            if draw.fires {
                counters.increment(SalesforceCounter.droppedConnections)
                response.dropConnectionAfterBytes = max(1, response.bodyByteCountEstimate / 2)
            }
        }
        return response
    }

    /// Throws 401 unless the request carries a live access token (`Authorization: Bearer`, or
    /// `X-SFDC-Session` for Bulk 1.0).
    func checkSession(_ request: SandboxRequest) throws(APIError) {
        let token: String?
        if let authorization = request.header("authorization"), authorization.lowercased().hasPrefix("bearer ") {
            token = String(authorization.dropFirst(7)).trimmingSpaces
        } else if let authorization = request.header("authorization"), authorization.lowercased().hasPrefix("oauth ") {
            token = String(authorization.dropFirst(6)).trimmingSpaces
        } else {
            token = request.header("x-sfdc-session")?.trimmingSpaces
        }
        guard let token, tokens.use(token) == .valid else {
            counters.increment(SalesforceCounter.invalidSessions)
            throw APIError.invalidSession
        }
    }

    /// Counts one call against the daily limit; throws 403 once usage reached it.
    func countCall() throws(APIError) -> Int {
        let limit = options.effectiveAPILimit
        let used: Int? = usage.withLock { used in
            guard used < limit else { return nil }
            used += 1
            return used
        }
        guard let used else {
            counters.increment(SalesforceCounter.limitExceeded)
            throw APIError.limitExceeded
        }
        counters.increment(SalesforceCounter.apiCalls)
        return used
    }

    var currentUsage: Int { usage.withLock { $0 } }

    func limitInfo(used: Int) -> String {
        let base = "api-usage=\(used)/\(options.effectiveAPILimit)"
        guard options.limitInfoWithBursts else { return base }
        return base + "; api-bursts=1/750"
    }

    private func injectedFault(method: String) -> APIError? {
        let draw = flakyErrors.next()
        guard draw.fires else { return nil }
        counters.increment(SalesforceCounter.injectedErrors)
        if method == "GET", draw.firing % 2 == 0 {
            return APIError(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you contact support: \(1_000_000 + draw.number)-\(draw.firing) (-1208217360)")
        }
        return APIError(503, "SERVER_UNAVAILABLE", "Server temporarily unavailable; retry the request.")
    }
}

extension SandboxResponse {
    /// Marks a response as carrying records, so the flaky scenario may cut it short.
    mutating func markAsRecords() { headers.append((name: "Sforce-Records", value: "1")) }

    var bodyByteCountEstimate: Int {
        switch body {
        case .buffer(let buffer): buffer.readableBytes
        case .chunks(let length, _): length ?? 64 * 1024
        }
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
