import Foundation
import HTTP
import Logging
import Singer

/// Logs in at the OAuth token endpoint with the configured grant and returns a session.
///
/// Refresh-token rotation: when a refresh grant answers with a new `refresh_token`, the old one
/// is dead, so the new one is kept (in memory only) for every later login of this run.
final class SalesforceLogin: @unchecked Sendable {
    private let configuration: SalesforceConfiguration
    private let http: HTTPClient
    private let logger: Logger
    /// Guards `currentRefreshToken`; `@unchecked Sendable` rests on it.
    private let lock = NSLock()
    private var currentRefreshToken: String?

    init(configuration: SalesforceConfiguration, http: HTTPClient, logger: Logger) {
        self.configuration = configuration
        self.http = http
        self.logger = logger
        if case .refreshToken(_, _, let token) = configuration.credentials { currentRefreshToken = token }
    }

    /// One token request; throws ``SalesforceError/authentication(_:)`` when the server rejects
    /// the credentials and `HTTPError` when it cannot be reached.
    func login() throws -> SalesforceSession {
        let grant = configuration.credentials.grantName
        let request = HTTPRequest(
            method: .post, url: configuration.tokenURL,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
            body: Data(try formBody().encoded.utf8), usesAuthorizer: false,
            // Nothing is created by a token request, so sending it again after a 5xx is safe.
            isIdempotent: true)
        let response: HTTPResponse
        do {
            response = try http.send(request)
        } catch let HTTPError.status(summary, failure, _) where (400..<500).contains(failure.status) {
            throw SalesforceError.authentication(Self.describeRejection(
                failure, grant: grant, endpoint: summary.redactedURL, loginURL: configuration.loginURL))
        }
        let session = try Self.session(from: response.body, endpoint: configuration.tokenURL)
        SingerLogging.output.redactor.register(session.accessToken)
        if let rotated = session.rotatedRefreshToken {
            SingerLogging.output.redactor.register(rotated)
            let changed = lock.withLock { () -> Bool in
                defer { currentRefreshToken = rotated }
                return currentRefreshToken != nil && currentRefreshToken != rotated
            }
            if changed {
                logger.warning("""
                    Salesforce rotated the refresh token: the configured refresh_token is no longer valid. \
                    The new one is used for the rest of this run; authorize again (or disable rotation on the connected app) before the next run.
                    """)
            }
        }
        logger.info("Logged in to Salesforce with the \(grant) grant; instance \(session.instanceURL)")
        return session
    }

    private func formBody() throws -> URLQuery {
        switch configuration.credentials {
        case .refreshToken(let clientID, let clientSecret, _):
            let token = lock.withLock { currentRefreshToken } ?? ""
            var pairs = [("grant_type", "refresh_token"), ("client_id", clientID)]
            if let clientSecret { pairs.append(("client_secret", clientSecret)) }
            pairs.append(("refresh_token", token))
            return URLQuery(pairs)
        case .password(let clientID, let clientSecret, let username, let password, let securityToken):
            return URLQuery([
                ("grant_type", "password"), ("client_id", clientID), ("client_secret", clientSecret),
                ("username", username), ("password", password + securityToken),
            ])
        case .jwt(let clientID, let username, let privateKeyPEM):
            let assertion = try JWTAssertion(
                clientID: clientID, username: username, audience: configuration.loginURL, privateKeyPEM: privateKeyPEM
            ).signed()
            return URLQuery([("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", assertion)])
        }
    }

    /// The session in a token response: `access_token`, `instance_url` and an optional rotated `refresh_token`.
    static func session(from body: Data, endpoint: String) throws(SalesforceError) -> SalesforceSession {
        var parser = JSONParser()
        guard let json = try? parser.parse(body), json.objectValue != nil else {
            throw .unexpectedResponse(endpoint: endpoint, reason: "the token response is not a JSON object")
        }
        guard let token = json["access_token"]?.stringValue, !token.isEmpty else {
            throw .unexpectedResponse(endpoint: endpoint, reason: "the token response has no access_token")
        }
        guard var instance = json["instance_url"]?.stringValue, instance.contains("://") else {
            throw .unexpectedResponse(endpoint: endpoint, reason: "the token response has no instance_url")
        }
        while instance.hasSuffix("/") { instance.removeLast() }
        let rotated = json["refresh_token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        return SalesforceSession(accessToken: token, instanceURL: instance, rotatedRefreshToken: rotated)
    }

    /// `invalid_grant: authentication failure`, with what usually causes it.
    static func describeRejection(_ failure: HTTPStatusFailure, grant: String, endpoint: String, loginURL: String) -> String {
        var parser = JSONParser()
        let json = try? parser.parse(failure.body)
        let code = json?["error"]?.stringValue ?? ""
        let text = json?["error_description"]?.stringValue ?? ""
        var message = "the token endpoint \(endpoint) answered HTTP \(failure.status)"
        if !code.isEmpty || !text.isEmpty {
            message += " \(code)" + (text.isEmpty ? "" : ": \(text)")
        } else {
            message += "; response body: \(failure.bodyExcerpt(limit: 300))"
        }
        message += " (\(grant) grant). "
        switch (code, grant) {
        case ("invalid_grant", "refresh_token"):
            message += "The refresh_token is expired, revoked or rotated, or it belongs to another login server "
                + "(\(loginURL); set is_sandbox or login_url to match where it was issued)."
        case ("invalid_grant", "password"):
            message += "Check username, password and security_token (the token is appended to the password), "
                + "and that the login server \(loginURL) is right for this user."
        case ("invalid_grant", "jwt-bearer"):
            message += "Check that the connected app holds the certificate of private_key, that the user is pre-authorized "
                + "for the app, and that the audience \(loginURL) matches the login server."
        case ("invalid_client_id", _), ("invalid_client", _):
            message += "Check client_id and client_secret of the connected app."
        default:
            message += "Check the credentials in the config."
        }
        return message
    }
}
