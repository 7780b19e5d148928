import Foundation
import HTTP
import Logging
import Singer

/// Zuora's REST host for one run: picks the data center whose host accepts the credentials,
/// authenticates every call (legacy headers or an OAuth token renewed before it expires and
/// after a 401), retries 429 and 5xx answers (honouring `Retry-After` and `RateLimit-Reset`)
/// and turns failures into ``ZuoraError``.
///
/// ```swift
/// let client = ZuoraClient(configuration: configuration, logger: logger)
/// let xml = try client.get("v1/describe").body
/// let job = try client.postJSON("v1/batch-query/", body: payload)
/// ```
public final class ZuoraClient: @unchecked Sendable {
    public let configuration: ZuoraConfiguration
    let logger: Logger
    private let http: HTTPClient
    /// A client without authorizer for the token endpoint and host probes.
    private let plainHTTP: HTTPClient
    private let hostBox: HostBox
    private let oauth: OAuthAuthorizer?

    public init(configuration: ZuoraConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.retryPolicy = RetryPolicy(maxAttempts: configuration.maxAttempts, baseDelay: .seconds(2), maxDelay: .seconds(240))
        httpConfiguration.userAgent = "tap-zuora (singer-swift \(SingerSwift.version))"
        httpConfiguration.redactor = Redactor(additionalSensitiveNames: ["apiAccessKeyId", "apiSecretAccessKey", "client_secret"])
        let plain = HTTPClient(configuration: httpConfiguration, logger: logger)
        plainHTTP = plain
        let hostBox = HostBox(candidates: configuration.hostCandidates)
        self.hostBox = hostBox
        let authorizer: any HTTPAuthorizer
        switch configuration.credentials {
        case .basic(let username, let password):
            authorizer = LegacyHeaderAuthorizer(username: username, password: password)
            oauth = nil
        case .oauth(let clientID, let clientSecret):
            let oauthAuthorizer = OAuthAuthorizer {
                try Self.fetchToken(host: hostBox.host, clientID: clientID, clientSecret: clientSecret, http: plain)
            }
            authorizer = oauthAuthorizer
            oauth = oauthAuthorizer
        }
        http = HTTPClient(configuration: httpConfiguration, logger: logger, authorizer: authorizer)
    }

    /// OAuth tokens fetched so far (0 with legacy headers).
    public var tokensFetched: Int { oauth?.fetchCount ?? 0 }

    /// The host in use (ends with `/`), choosing among the data-center candidates on first use.
    public func host() throws -> String {
        try hostBox.resolve { candidate in try accepts(candidate) }
    }

    /// Whether `candidate` accepts the credentials: the Python tap's `get_url` rule (the first
    /// host that does not answer 401 wins), with a token request for OAuth.
    private func accepts(_ candidate: String) throws -> Bool {
        switch configuration.credentials {
        case .oauth(let clientID, let clientSecret):
            do {
                _ = try Self.fetchToken(host: candidate, clientID: clientID, clientSecret: clientSecret, http: plainHTTP)
                return true
            } catch {
                logger.info("Zuora host \(candidate) refused the OAuth client: \(error)")
                return false
            }
        case .basic(let username, let password):
            let request = HTTPRequest(
                url: candidate + "v1/describe/Account",
                headers: ["apiAccessKeyId": username, "apiSecretAccessKey": password], usesAuthorizer: false)
            do {
                _ = try plainHTTP.send(request)
                return true
            } catch let error as HTTPError where error.status == 401 {
                logger.info("Zuora host \(candidate) answered 401")
                return false
            }
        }
    }

    /// `POST {host}oauth/token` with the client-credentials grant.
    static func fetchToken(host: String, clientID: String, clientSecret: String, http: HTTPClient) throws -> OAuthToken {
        let body = URLQuery([("client_id", clientID), ("client_secret", clientSecret), ("grant_type", "client_credentials")]).encoded
        let request = HTTPRequest(
            method: .post, url: host + "oauth/token", headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data(body.utf8), usesAuthorizer: false)
        let response: HTTPResponse
        do {
            response = try http.send(request)
        } catch let error as HTTPError {
            throw ZuoraError.authentication("POST \(host)oauth/token: \(error.status.map { "HTTP \($0)" } ?? error.description)")
        }
        guard let token = OAuthToken(json: response.body, receivedAt: ContinuousClock().now) else {
            throw ZuoraError.authentication("POST \(host)oauth/token answered without an access_token")
        }
        return token
    }

    /// `GET {host}{path}`.
    public func get(_ path: String) throws -> HTTPResponse {
        try send(HTTPRequest(url: try host() + path, headers: commonHeaders(json: false)))
    }

    /// `DELETE {host}{path}`.
    @discardableResult
    public func delete(_ path: String) throws -> HTTPResponse {
        try send(HTTPRequest(method: .delete, url: try host() + path, headers: commonHeaders(json: false)))
    }

    /// `POST {host}{path}` with a JSON body, answered with JSON. `repeatable`: sending it twice
    /// does no harm (a probe, a CRUD export), so it is retried after 5xx answers too.
    public func postJSON(_ path: String, body: JSONValue, repeatable: Bool = false) throws -> JSONValue {
        let request = HTTPRequest(
            method: .post, url: try host() + path, headers: commonHeaders(json: true),
            body: Data(JSONWriter.string(from: body).utf8), isIdempotent: repeatable)
        return try Self.json(try send(request), endpoint: "POST \(path)")
    }

    /// `GET {host}{path}`, answered with JSON.
    public func getJSON(_ path: String) throws -> JSONValue {
        try Self.json(try get(path), endpoint: "GET \(path)")
    }

    /// Streams `GET {host}{path}` to `onChunk` without holding the body.
    public func stream(_ path: String, onChunk: (Data) throws -> Void) throws {
        let request = HTTPRequest(url: try host() + path, headers: commonHeaders(json: false))
        do {
            try http.stream(request, onChunk: onChunk)
        } catch let error as HTTPError {
            throw Self.zuoraError(error, endpoint: "GET \(path)")
        }
    }

    private func send(_ request: HTTPRequest) throws -> HTTPResponse {
        do {
            return try http.send(request)
        } catch let error as HTTPError {
            throw Self.zuoraError(error, endpoint: "\(request.method) \(request.url.dropFirst(hostBox.host.count))")
        }
    }

    /// The REST-mode headers of the Python tap; AQuA calls need only the JSON content type.
    private func commonHeaders(json: Bool) -> HTTPHeaders {
        var headers: HTTPHeaders = [:]
        if json || configuration.apiType == .rest { headers["Content-Type"] = "application/json" }
        if configuration.apiType == .rest { headers["X-Zuora-WSDL-Version"] = "91.0" }
        return headers
    }

    static func json(_ response: HTTPResponse, endpoint: String) throws -> JSONValue {
        var parser = JSONParser()
        do {
            return try parser.parse(response.body)
        } catch {
            throw ZuoraError.unexpectedResponse(endpoint: endpoint, reason: "not JSON: \(String(response.text.prefix(200)))")
        }
    }

    /// An HTTP failure as a ``ZuoraError`` carrying Zuora's message (JSON `message`,
    /// `Errors[0].Message` or `reasons[0].message`) when the body has one.
    static func zuoraError(_ error: HTTPError, endpoint: String) -> ZuoraError {
        if case .streamInterrupted = error { return .interrupted(endpoint: endpoint, reason: error.description) }
        guard case .status(_, let failure, _) = error else {
            return .api(status: 0, message: error.description, endpoint: endpoint)
        }
        if failure.status == 401 {
            return .authentication("\(endpoint) answered 401 even after renewing credentials")
        }
        var parser = JSONParser()
        let body = try? parser.parse(failure.body)
        let message = body?["message"]?.stringValue ?? body?["Errors"]?[0]?["Message"]?.stringValue
            ?? body?["reasons"]?[0]?["message"]?.stringValue ?? failure.bodyExcerpt(limit: 300)
        return .api(status: failure.status, message: message, endpoint: endpoint)
    }
}

/// The chosen host, shared with the OAuth token fetch; chosen once, under a lock.
final class HostBox: @unchecked Sendable {
    private let candidates: [String]
    private let lock = NSLock()
    private var chosen: String?

    init(candidates: [String]) {
        self.candidates = candidates
        // A single candidate (base_url) needs no probe.
        chosen = candidates.count == 1 ? candidates[0] : nil
    }

    /// The chosen host, or the first candidate before one was chosen.
    var host: String { lock.withLock { chosen ?? candidates.first ?? "" } }

    func resolve(_ accepts: (String) throws -> Bool) throws -> String {
        try lock.withLock {
            if let chosen { return chosen }
            for candidate in candidates where try accepts(candidate) {
                chosen = candidate
                return candidate
            }
            throw ZuoraError.authentication("every Zuora host refused the credentials (\(candidates.joined(separator: ", ")))")
        }
    }
}
