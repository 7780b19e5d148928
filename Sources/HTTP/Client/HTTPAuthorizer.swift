import Foundation

/// Supplies the credentials a client adds to every request, and renews them when the server
/// answers 401 (an expired OAuth access token, a Salesforce `INVALID_SESSION_ID`).
///
/// The client asks for headers before each attempt; after a 401 it calls ``renew(after:)``
/// once per request and, if that returns `true`, sends the request again with fresh headers.
/// `renew` may use the same ``HTTPClient`` to reach the token endpoint.
public protocol HTTPAuthorizer: Sendable {
    /// Header fields to add to the next attempt, e.g. `Authorization: Bearer …`.
    func authorizationHeaders() throws -> HTTPHeaders
    /// Obtains new credentials after `failure` (a 401); `false` when they cannot be renewed.
    func renew(after failure: HTTPStatusFailure) throws -> Bool
}

/// An OAuth-style bearer token fetched on first use and again whenever the server rejects it.
///
/// ```swift
/// let authorizer = BearerTokenAuthorizer { try fetchAccessToken(with: refreshToken) }
/// let client = HTTPClient(authorizer: authorizer)
/// ```
public final class BearerTokenAuthorizer: HTTPAuthorizer, @unchecked Sendable {
    private let fetchToken: @Sendable () throws -> String
    /// Guards `token`; `@unchecked Sendable` rests on it.
    private let lock = NSLock()
    private var token: String?

    /// - Parameter fetchToken: obtains a new access token (e.g. an OAuth refresh-token grant).
    public init(fetchToken: @escaping @Sendable () throws -> String) {
        self.fetchToken = fetchToken
    }

    public func authorizationHeaders() throws -> HTTPHeaders {
        ["Authorization": "Bearer \(try currentToken())"]
    }

    public func renew(after failure: HTTPStatusFailure) throws -> Bool {
        let fresh = try fetchToken()
        lock.withLock { token = fresh }
        return true
    }

    private func currentToken() throws -> String {
        if let token = lock.withLock({ token }) { return token }
        let fresh = try fetchToken()
        lock.withLock { token = fresh }
        return fresh
    }
}
