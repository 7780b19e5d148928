import SandboxKit
import Singer
import Synchronization

/// The Marketo API emulator behind the HTTP server: identity, call accounting, faults and
/// routing to the lead database, bulk extract, asset and admin handlers.
final class MarketoAPI: Sendable {
    let options: MarketoSandboxOptions
    let credentials: MarketoCredentials
    let store: MarketoStore
    let counters = SandboxCounters()
    let log = RequestLog()
    let tokens: TokenStore
    let limiter: CallLimiter
    let exports: ExportStore
    let flakyErrors: EveryNthEvent
    let flakyDrops: EveryNthEvent
    let rateFaults: EveryNthEvent
    let requestNumbers = Mutex(0)

    init(options: MarketoSandboxOptions, credentials: MarketoCredentials) {
        self.options = options
        self.credentials = credentials
        store = MarketoStore(seed: options.seed, leads: options.records, anchor: options.effectiveAnchor(), historyDays: options.historyDays)
        tokens = TokenStore(seed: options.seed, lifetime: options.tokenLifetimeSeconds,
                            callsPerToken: options.scenarios.contains(.tokenExpiry) ? options.callsPerToken : nil)
        limiter = CallLimiter(usedAtStart: options.effectiveUsageBase(), dailyQuota: options.dailyQuota, rateCalls: options.rateLimitCalls,
                              rateWindow: options.rateLimitWindowSeconds, concurrency: options.concurrencyLimit)
        exports = ExportStore(dailyBytes: options.effectiveExportDailyBytes, pollsToComplete: options.pollsToComplete)
        flakyErrors = EveryNthEvent(period: options.scenarios.contains(.flaky) ? options.flakyPeriod : 0)
        flakyDrops = EveryNthEvent(period: options.scenarios.contains(.flaky) ? options.dropPeriod : 0)
        rateFaults = EveryNthEvent(period: options.scenarios.contains(.rateLimit) ? options.rateLimitPeriod : 0)
    }

    func now() -> Int { Int(options.clock.nowSeconds()) }

    /// `e42b#14272d07d78`-style request ids: a counter and the time in hex.
    func requestID() -> String {
        let number = requestNumbers.withLock { value in
            value += 1
            return value
        }
        return String(number, radix: 16) + "#" + String(options.clock.nowMilliseconds(), radix: 16)
    }

    /// The server's entry point.
    func handle(_ request: SandboxRequest) -> SandboxResponse {
        counters.increment(MarketoCounter.requests)
        let response: SandboxResponse
        var errorCode: String?
        do {
            response = try route(request)
        } catch let error as MarketoError {
            errorCode = error.code
            counters.increment(MarketoCounter.error(error.code))
            response = Envelope.failure(requestID: requestID(), error)
        } catch {
            errorCode = "611"
            response = Envelope.failure(requestID: requestID(), MarketoError(code: "611", message: "System error: \(error)"))
        }
        log.append(RequestLog.Entry(method: request.method, path: request.path, query: request.rawQuery, status: response.status, errorCode: errorCode))
        return response
    }

    private func route(_ original: SandboxRequest) throws -> SandboxResponse {
        let request = Self.methodOverride(original)
        let segments = request.pathSegments
        if request.path.utf8.count + (request.rawQuery?.utf8.count ?? 0) > 8_192 {
            return .empty(status: 414)
        }
        switch segments.first {
        case "identity":
            guard segments == ["identity", "oauth", "token"] else { return Self.plainNotFound }
            return identity(request)
        case "rest", "bulk":
            return try authenticatedCall(request) { try api(request, segments: segments) }
        case "_sandbox":
            return try admin(request, rest: Array(segments.dropFirst()))
        default:
            return Self.plainNotFound
        }
    }

    /// Runs one API call through Marketo's checks in order: concurrency, token, injected
    /// faults, quota and rate window; counts it only when it succeeds.
    private func authenticatedCall(_ request: SandboxRequest, _ body: () throws -> SandboxResponse) throws -> SandboxResponse {
        if let error = limiter.begin() { throw error }
        defer { limiter.finish() }
        let token = Self.bearer(request) ?? request.query["access_token"]
        guard let token, !token.isEmpty else { throw MarketoError.emptyToken }
        let now = now()
        if let error = tokens.use(token, now: now) { throw error }
        if flakyErrors.next().fires {
            counters.increment(MarketoCounter.injected5xx)
            return SandboxResponse(status: 503, contentType: "text/html", bytes: Array("<html><body>503 Service Unavailable</body></html>".utf8))
        }
        if rateFaults.next().fires { throw MarketoError.rateLimited }
        if let error = limiter.admit(now: now) { throw error }
        let response = try body()
        limiter.count(now: now)
        counters.increment(MarketoCounter.apiCalls)
        return response
    }

    /// Marketo's answer to the 8 KB URI limit: a `POST` with a form body holding
    /// `_method=GET` and the query parameters is served as that `GET`.
    static func methodOverride(_ request: SandboxRequest) -> SandboxRequest {
        guard request.method == "POST", request.header("Content-Type")?.lowercased().contains("x-www-form-urlencoded") == true else {
            return request
        }
        let form = FormFields(encoded: request.bodyText)
        guard form["_method"]?.uppercased() == "GET" else { return request }
        let fields = (request.query.pairs + form.pairs.filter { $0.name != "_method" })
            .map { FormFields.percentEncoded($0.name) + "=" + FormFields.percentEncoded($0.value) }
        return SandboxRequest(method: "GET", path: request.path, rawQuery: fields.joined(separator: "&"), headers: request.headers, body: [])
    }

    private static func bearer(_ request: SandboxRequest) -> String? {
        guard let header = request.header("Authorization") else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: " ")
    }

    private func api(_ request: SandboxRequest, segments: [String]) throws -> SandboxResponse {
        let rest = Array(segments.dropFirst(2))
        switch (segments.first, segments.dropFirst().first, request.method) {
        case ("rest", "v1", "GET"):
            switch rest {
            case ["leads", "describe.json"]: return leadsDescribe()
            case ["activities", "types.json"]: return activityTypes()
            case ["stats", "usage.json"]: return usage()
            case ["campaigns.json"]: return try campaigns(request)
            case ["lists.json"]: return try lists(request)
            case ["activities", "pagingtoken.json"]: return try pagingToken(request)
            case ["activities", "deletedleads.json"]: return try deletedLeads(request)
            case ["activities.json"]: return try activities(request)
            default: throw MarketoError.notFound
            }
        case ("rest", "asset", "GET") where rest == ["v1", "programs.json"]:
            return try programs(request)
        case ("bulk", "v1", _) where rest.count >= 2 && (rest[0] == "leads" || rest[0] == "activities") && rest[1] == "export" || rest.count == 2 && rest[1] == "export.json":
            return try bulk(request, rest: rest)
        default:
            throw MarketoError.notFound
        }
    }

    static let plainNotFound = SandboxResponse(status: 404, contentType: "text/plain", bytes: Array("Not Found".utf8))
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
