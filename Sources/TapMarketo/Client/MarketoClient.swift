import Foundation
import HTTP
import Logging
import Singer

/// Calls a Marketo instance: tokens, the response envelope, rate and daily limits, retries.
///
/// Every call passes through the same gate: a valid token (refreshed before expiry and after
/// errors 601/602), the client-side limiter (100 calls per 20 s, 10 at once), the daily budget
/// (`max_daily_calls` against `stats/usage.json`, re-read every 250 calls), then the call;
/// 606/615 are retried after a pause, 607 and 1029 end the run with a usable state.
///
/// ```swift
/// let client = MarketoClient(configuration: configuration, logger: logger)
/// let describe = try client.get("rest/v1/leads/describe.json")
/// describe.result.count
/// ```
public final class MarketoClient: @unchecked Sendable {
    public let configuration: MarketoConfiguration
    let logger: Logger
    let http: HTTPClient
    let limiter: MarketoRateLimiter
    private let tokenSource: MarketoTokenSource
    private let now: @Sendable () -> Duration
    let sleep: @Sendable (Duration) -> Void
    private let lock = NSLock()
    private var token: (value: String, expires: Duration)?
    private var callsToday: Int?
    private var callsSinceUsageCheck = 0
    /// Calls this run made (usage checks included), for the summary at the end.
    public private(set) var callsThisRun = 0
    /// Tokens fetched this run.
    public private(set) var tokensFetched = 0

    /// How often the daily total is re-read from `stats/usage.json`.
    static let usageCheckEvery = 250
    /// Attempts per call on 606/615 before giving up.
    static let rateLimitAttempts = 5

    public init(
        configuration: MarketoConfiguration, logger: Logger,
        now: @escaping @Sendable () -> Duration = MarketoRateLimiter.monotonicNow,
        sleep: @escaping @Sendable (Duration) -> Void = { Thread.sleep(forTimeInterval: $0.seconds) }
    ) {
        self.configuration = configuration
        self.logger = logger
        self.now = now
        self.sleep = sleep
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.requestTimeout = configuration.requestTimeout
        httpConfiguration.userAgent = configuration.userAgent
        http = HTTPClient(configuration: httpConfiguration, logger: logger)
        limiter = MarketoRateLimiter(
            // A second of margin: Marketo counts a call when it arrives, a little after we start it,
            // and in whole seconds, so a window exactly 20 s long can still meet a 606.
            callsPerWindow: configuration.callsPerWindow, window: configuration.rateWindow + .seconds(1), maxConcurrent: 10,
            now: now, sleep: sleep)
        tokenSource = MarketoTokenSource(
            identityURL: configuration.identityURL, clientID: configuration.clientID,
            clientSecret: configuration.clientSecret)
    }

    /// `restURL + "/" + path` for `rest/…` paths, `bulkURL` for `bulk/…`, else `path` as given.
    public func url(_ path: String) -> String {
        if path.hasPrefix("http://") || path.hasPrefix("https://") { return path }
        if path.hasPrefix("rest/") { return configuration.restURL + path.dropFirst(4) }
        if path.hasPrefix("bulk/") { return configuration.bulkURL + path.dropFirst(4) }
        return configuration.restURL + "/" + path
    }

    /// `GET path?query` through the envelope checks.
    public func get(_ path: String, query: [(String, String)] = []) throws -> MarketoEnvelope {
        try call(.get, path, query: query, body: nil)
    }

    /// `POST path` with a JSON body through the envelope checks.
    public func post(_ path: String, json: JSONValue? = nil) throws -> MarketoEnvelope {
        try call(.post, path, query: [], body: json.map { Data(JSONWriter.string(from: $0).utf8) })
    }

    /// The subscription's calls today, from `stats/usage.json` (the call itself is not counted,
    /// as in the Python tap).
    public func usageToday() throws -> Int {
        let envelope = try envelopeChecked(.get, url("rest/v1/stats/usage.json"), body: nil, endpoint: "rest/v1/stats/usage.json")
        return envelope.result.first?["total"]?.intValue ?? 0
    }

    /// A fresh token now, for `--test`.
    public func authenticate() throws {
        _ = try accessToken(forceRefresh: true)
    }

    func call(_ method: HTTPMethod, _ path: String, query: [(String, String)], body: Data?) throws -> MarketoEnvelope {
        let endpoint = path
        try countCall()
        let target = query.isEmpty ? url(path) : URLQuery(query).appended(to: url(path))
        return try envelopeChecked(method, target, body: body, endpoint: endpoint)
    }

    /// Sends with token refresh on 601/602 and pauses on 606/615; maps 607/1029 and other codes.
    private func envelopeChecked(_ method: HTTPMethod, _ target: String, body: Data?, endpoint: String) throws -> MarketoEnvelope {
        var tokenRetries = 0
        var rateRetries = 0
        while true {
            let envelope = try send(method, target, body: body, endpoint: endpoint, forceRefresh: false)
            if envelope.success { return envelope }
            if envelope.hasError("601") || envelope.hasError("602"), tokenRetries < 2 {
                tokenRetries += 1
                logger.info("Marketo rejected the access token (\(envelope.errors.first?.description ?? "")); fetching a new one")
                invalidateToken()
                continue
            }
            if envelope.hasError("606") || envelope.hasError("615") {
                rateRetries += 1
                let problem = envelope.errors.first { $0.code == "606" || $0.code == "615" }?.description ?? ""
                if rateRetries >= Self.rateLimitAttempts {
                    throw MarketoError.rateLimited(endpoint: endpoint, message: problem)
                }
                logger.warning("Marketo answered \(problem) on \(endpoint); pausing \(configuration.rateLimitPause) before retrying")
                sleep(configuration.rateLimitPause)
                continue
            }
            if let quota = envelope.errors.first(where: { $0.code == "1029" }) {
                throw MarketoError.exportQuotaExceeded(endpoint: endpoint, message: quota.message)
            }
            if let daily = envelope.errors.first(where: { $0.code == "607" }) {
                throw MarketoError.dailyQuotaExceeded("Marketo error 607 on \(endpoint): \(daily.message)")
            }
            let first = envelope.errors.first ?? .init(code: "", message: "success: false without errors")
            let all = envelope.errors.dropFirst().map(\.description)
            throw MarketoError.api(code: first.code, message: ([first.message] + all).joined(separator: "; "), endpoint: endpoint)
        }
    }

    private func send(_ method: HTTPMethod, _ target: String, body: Data?, endpoint: String, forceRefresh: Bool) throws -> MarketoEnvelope {
        let bearer = try accessToken(forceRefresh: forceRefresh)
        var headers: HTTPHeaders = ["Authorization": "Bearer " + bearer, "Accept": "application/json"]
        if body != nil { headers.add(name: "Content-Type", value: "application/json") }
        let request = HTTPRequest(method: method, url: target, headers: headers, body: body)
        let response = try limiter.withPermit { try http.send(request) }
        lock.withLock { callsThisRun += 1 }
        return try MarketoEnvelope(body: response.body, endpoint: endpoint)
    }

    /// Counts one call against `max_daily_calls`, re-reading the subscription total every 250 calls.
    private func countCall() throws {
        let needsCheck = lock.withLock { callsToday == nil || callsSinceUsageCheck % Self.usageCheckEvery == 0 }
        if needsCheck {
            let total = try usageToday()
            lock.withLock {
                callsToday = total
                callsSinceUsageCheck = 0
            }
        }
        let (today, limit) = lock.withLock { () -> (Int, Int) in
            callsSinceUsageCheck += 1
            callsToday = (callsToday ?? 0) + 1
            return (callsToday ?? 0, configuration.maxDailyCalls)
        }
        if today > limit {
            throw MarketoError.dailyQuotaExceeded("Exceeded daily quota of \(limit) calls (max_daily_calls; the "
                + "subscription has made \(today - 1) calls today, counting every integration)")
        }
    }

    func accessToken(forceRefresh: Bool) throws -> String {
        if !forceRefresh, let token = lock.withLock({ token }), token.expires > now() { return token.value }
        let fresh = try tokenSource.fetch(using: http)
        // Treat the token as expired 15 s early, as the Python tap does, so it never lapses mid-call.
        let expires = now() + .seconds(max(0, fresh.expiresIn - 15))
        lock.withLock {
            token = (fresh.accessToken, expires)
            tokensFetched += 1
        }
        logger.debug("fetched a Marketo access token valid for \(fresh.expiresIn) s")
        return fresh.accessToken
    }

    func invalidateToken() { lock.withLock { token = nil } }

    /// The current bearer token, for the download path.
    func bearerHeaders() throws -> HTTPHeaders {
        ["Authorization": "Bearer " + (try accessToken(forceRefresh: false))]
    }

    /// Counts a call made outside ``call(_:_:query:body:)`` (file downloads).
    func countDownload() throws { try countCall() }
}

extension Duration {
    /// The duration in seconds, for `Thread.sleep`.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
