import Foundation
import HTTP

/// OAuth client credentials, renewed shortly before the token expires and after a 401
/// (the Python tap fetches one token per run and fails once it expires).
final class OAuthAuthorizer: HTTPAuthorizer, @unchecked Sendable {
    private let fetchToken: @Sendable () throws -> OAuthToken
    private let clock = ContinuousClock()
    /// Renew this long before `expires_in` runs out, so a request never leaves with a token
    /// that dies on the way.
    private let margin: Duration
    /// Guards `token`; `@unchecked Sendable` rests on it.
    private let lock = NSLock()
    private var token: OAuthToken?

    init(margin: Duration = .seconds(60), fetchToken: @escaping @Sendable () throws -> OAuthToken) {
        self.margin = margin
        self.fetchToken = fetchToken
    }

    /// Tokens fetched so far (for logs and tests).
    private(set) var fetchCount = 0

    func authorizationHeaders() throws -> HTTPHeaders {
        try lock.withLock {
            if let token, !token.isExpiring(at: clock.now, margin: margin) { return Self.headers(token) }
            let fresh = try fetchToken()
            token = fresh
            fetchCount += 1
            return Self.headers(fresh)
        }
    }

    func renew(after failure: HTTPStatusFailure, rejected: HTTPHeaders) throws -> Bool {
        try lock.withLock {
            // Another request already replaced the rejected token.
            if let token, Self.headers(token)["Authorization"] != rejected["Authorization"] { return true }
            token = try fetchToken()
            fetchCount += 1
            return true
        }
    }

    private static func headers(_ token: OAuthToken) -> HTTPHeaders {
        ["Authorization": "Bearer \(token.accessToken)"]
    }
}
