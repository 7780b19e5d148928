import Foundation
import HTTP
import Logging
import Singer

/// The connection to one Salesforce org: logs in lazily, resolves paths against the session's
/// `instance_url`, re-authenticates once on 401 `INVALID_SESSION_ID`, retries 5xx and dropped
/// connections with backoff (honouring `Retry-After`), turns error bodies into
/// ``SalesforceError/api(status:errorCode:message:endpoint:)``, and enforces the API quotas.
///
/// Requests are serialised on one connection; use one client per thread for parallel work.
///
/// ```swift
/// let client = SalesforceClient(configuration: configuration, logger: logger)
/// let limits = try client.send(HTTPRequest(url: client.dataPath + "/limits"))
/// let page = try client.send(HTTPRequest(url: nextRecordsUrl))    // a path on the instance
/// ```
public final class SalesforceClient: @unchecked Sendable {
    public let configuration: SalesforceConfiguration
    let logger: Logger
    private let http: HTTPClient
    private let authorizer: BearerTokenAuthorizer
    private let sessionStore: SessionStore
    private let quota: QuotaTracker

    /// A client with real time and the configured retries.
    public convenience init(configuration: SalesforceConfiguration, logger: Logger) {
        self.init(configuration: configuration, logger: logger, timing: .live)
    }

    /// A client whose retry waits go through `timing` (tests make them instant).
    public init(configuration: SalesforceConfiguration, logger: Logger, timing: RetryTiming) {
        self.configuration = configuration
        self.logger = logger
        let httpConfiguration = Self.httpConfiguration(for: configuration)
        let quota = QuotaTracker(
            guard: QuotaGuard(percentTotal: configuration.quotaPercentTotal, percentPerRun: configuration.quotaPercentPerRun),
            logger: logger)
        self.quota = quota
        let loginHTTP = HTTPClient(configuration: httpConfiguration, logger: logger, timing: timing)
        let login = SalesforceLogin(configuration: configuration, http: loginHTTP, logger: logger)
        let sessionStore = SessionStore()
        self.sessionStore = sessionStore
        authorizer = BearerTokenAuthorizer {
            let session = try login.login()
            sessionStore.set(session)
            return session.accessToken
        }
        let metrics = Metrics()
        http = HTTPClient(
            configuration: httpConfiguration, logger: logger, timing: timing,
            onMetric: { metric in
                if metric.statusCode != nil { quota.countRequest() }
                var tags: JSONObject = ["endpoint": .string(metric.endpoint)]
                if let status = metric.statusCode { tags["http_status_code"] = .number(JSONNumber(status)) }
                tags["status"] = .string(metric.succeeded ? "succeeded" : "failed")
                metrics.emit(Metric(
                    kind: .timer, name: "http_request_duration", value: Metric.seconds(metric.durationSeconds), tags: tags))
            },
            authorizer: authorizer)
    }

    /// `61.0`.
    public var apiVersion: String { configuration.apiVersion }
    /// `/services/data/v61.0`: the REST base path on the instance.
    public var dataPath: String { "/services/data/v\(configuration.apiVersion)" }

    /// The instance every API call goes to, logging in first if needed.
    public func instanceURL() throws -> String {
        if let session = sessionStore.current { return session.instanceURL }
        _ = try authorizer.authorizationHeaders()
        guard let session = sessionStore.current else {
            throw SalesforceError.authentication("the login returned no session")
        }
        return session.instanceURL
    }

    /// Logs in now (instead of on the first request), e.g. to check credentials.
    public func logIn() throws -> SalesforceSession {
        _ = try instanceURL()
        guard let session = sessionStore.current else { throw SalesforceError.authentication("the login returned no session") }
        return session
    }

    /// The absolute URL for `url`: kept when absolute, appended to the instance URL when it
    /// starts with `/` (a path or a `nextRecordsUrl`), else taken relative to ``dataPath``
    /// (`"sobjects"` → `…/services/data/v61.0/sobjects`).
    public func absoluteURL(_ url: String) throws -> String {
        if url.hasPrefix("https://") || url.hasPrefix("http://") { return url }
        let instance = try instanceURL()
        return url.hasPrefix("/") ? instance + url : instance + dataPath + "/" + url
    }

    /// Sends `request` (its `url` may be a path on the instance) and returns the whole response.
    ///
    /// Logs in lazily; on 401 `INVALID_SESSION_ID` re-authenticates once and retries; retries 5xx,
    /// 429 and dropped connections (bounded, backoff, `Retry-After`); parses `Sforce-Limit-Info`
    /// and enforces `quota_percent_total`/`quota_percent_per_run` → ``SalesforceError/quotaExceeded(_:)``.
    /// Non-2xx → ``SalesforceError/api(status:errorCode:message:endpoint:)``.
    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        try quota.check()
        let resolved = try resolved(request)
        do {
            let response = try http.send(resolved)
            quota.observe(response.headers)
            return response
        } catch let error as HTTPError {
            throw translated(error)
        }
    }

    /// Sends `request` and streams the body to `onChunk` as it arrives (Bulk CSV results,
    /// large query pages). Same rules as ``send(_:)``; a connection lost after the head was
    /// delivered throws `HTTPError.streamInterrupted` (the caller restarts from a point it controls).
    @discardableResult
    public func stream(
        _ request: HTTPRequest, onHead: (HTTPResponseHead) throws -> Void = { _ in },
        onChunk: (Data) throws -> Void
    ) throws -> HTTPResponseHead {
        try quota.check()
        let resolved = try resolved(request)
        do {
            return try http.stream(resolved, onHead: { head in
                quota.observe(head.headers)
                try onHead(head)
            }, onChunk: onChunk)
        } catch let error as HTTPError {
            throw translated(error)
        }
    }

    /// `GET` of a JSON resource (a path on the instance or relative to ``dataPath``).
    public func getJSON(_ url: String) throws -> JSONValue {
        let response = try send(HTTPRequest(url: url, headers: ["Accept": "application/json"]))
        return try Self.json(response.body, endpoint: url)
    }

    /// Checks the Bulk quotas from `GET /limits` before a Bulk API 2.0 job: the org's
    /// `DailyBulkV2QueryJobs` (or, on old orgs, Bulk batches) against `quota_percent_total`, and
    /// `jobsStartedThisRun` against `quota_percent_per_run`; `DailyApiRequests` against the total too.
    /// Throws ``SalesforceError/quotaExceeded(_:)``; a missing limit is logged and not checked.
    public func checkBulkQuota(jobsStartedThisRun: Int) throws {
        let limits = OrgLimits(json: try getJSON(dataPath + "/limits"))
        if let api = limits.dailyAPIRequests {
            quota.observe(APIUsage(org: .init(used: api.used, allotted: api.max)))
            try quota.check()
        }
        guard let (name, bulk) = limits.dailyBulkQueryJobs, bulk.max > 0 else {
            logger.warning("GET \(dataPath)/limits reports no Bulk job limit (DailyBulkV2QueryJobs); Bulk quota not checked")
            return
        }
        let total = configuration.quotaPercentTotal
        let perRun = configuration.quotaPercentPerRun
        if bulk.percentUsed > total {
            throw SalesforceError.quotaExceeded(QuotaGuard.message(
                "the org has used \(bulk.used) of its \(bulk.max) daily Bulk query jobs (\(name), \(QuotaGuard.format(bulk.percentUsed)) %)",
                limit: "quota_percent_total", percent: total,
                advice: "wait for the 24-hour usage to fall, raise quota_percent_total, or use api_type REST"))
        }
        let runPercent = Double(jobsStartedThisRun) * 100 / Double(bulk.max)
        if runPercent > perRun {
            throw SalesforceError.quotaExceeded(QuotaGuard.message(
                "this run has started \(jobsStartedThisRun) Bulk query jobs, \(QuotaGuard.format(runPercent)) % of the org's \(bulk.max) daily jobs (\(name))",
                limit: "quota_percent_per_run", percent: perRun,
                advice: "the next run resumes from the saved state; raise quota_percent_per_run to do more per run"))
        }
        logger.debug("Bulk quota: \(bulk.used)/\(bulk.max) \(name) used; \(jobsStartedThisRun) jobs this run")
    }

    /// What the quota guard knows: the last reported usage and this run's request count.
    public var quotaGuard: QuotaGuard { quota.current }

    /// Logs the API usage summary at info level (call at the end of a run).
    public func logQuotaSummary() { logger.info("\(quota.current.summary)") }

    // MARK: - Internals

    private func resolved(_ request: HTTPRequest) throws -> HTTPRequest {
        var request = request
        request.url = try absoluteURL(request.url)
        return request
    }

    /// Salesforce's error body in place of the generic HTTP error; usage headers are recorded too.
    private func translated(_ error: HTTPError) -> any Error {
        guard case .status(let summary, let failure, _) = error else { return error }
        quota.observe(failure.headers)
        let body = SalesforceErrorBody(failure.body, redactor: http.configuration.redactor)
        return SalesforceError.api(
            status: failure.status, errorCode: body.errorCode, message: body.message, endpoint: summary.description)
    }

    static func json(_ body: Data, endpoint: String) throws -> JSONValue {
        var parser = JSONParser()
        do {
            return try parser.parse(body)
        } catch {
            throw SalesforceError.unexpectedResponse(endpoint: endpoint, reason: "the body is not JSON (\(error))")
        }
    }

    static func httpConfiguration(for configuration: SalesforceConfiguration) -> HTTPClient.Configuration {
        HTTPClient.Configuration(
            connectTimeout: min(.seconds(30), max(configuration.requestTimeout, .seconds(1))),
            // A read timeout like the Python tap's 300 s: nothing received for this long.
            stallTimeout: max(configuration.requestTimeout, .seconds(1)),
            userAgent: "tap-salesforce/\(SingerSwift.version) (singer-swift)",
            retryPolicy: RetryPolicy(
                maxAttempts: configuration.maxAttempts, baseDelay: .seconds(1), maxDelay: .seconds(60),
                // 406 CustomNotAcceptable is a known transient answer to describe calls.
                retryableStatuses: [406, 429, 500, 502, 503, 504]))
    }
}

/// The current session, shared between the authorizer's fetch and the URL resolution.
final class SessionStore: @unchecked Sendable {
    private let lock = NSLock()
    private var session: SalesforceSession?
    var current: SalesforceSession? { lock.withLock { session } }
    func set(_ session: SalesforceSession) { lock.withLock { self.session = session } }
}
