import Foundation

/// An OAuth-style bearer token fetched on first use and again whenever the server rejects it.
///
/// Concurrent requests share one token: it is fetched once on first use, and after several
/// requests are rejected with the same token, only the first renewal fetches a new one.
///
/// ```swift
/// let authorizer = BearerTokenAuthorizer { try fetchAccessToken(with: refreshToken) }
/// let client = HTTPClient(authorizer: authorizer)
/// ```
public final class BearerTokenAuthorizer: HTTPAuthorizer, @unchecked Sendable {
    private let fetchToken: @Sendable () throws -> String
    /// Guards `token`; `@unchecked Sendable` rests on it and on `fetchLock`.
    private let lock = NSLock()
    private var token: String?
    /// Held while a token is fetched, so concurrent callers wait for that token instead of
    /// fetching their own. Separate from `lock` so readers of a valid token never wait.
    private let fetchLock = NSLock()
    /// The thread running `fetchToken`, guarded by `lock`: if the fetch asks this authorizer
    /// for a token again it would wait for itself, so that is reported instead.
    private var fetchingThread: Thread?

    /// `fetchToken` asked this authorizer for a token, which it can only get from itself:
    /// typically its token request went through the same client without `usesAuthorizer: false`.
    public struct ReentrantFetch: Error, CustomStringConvertible {
        /// What happened and how to fix it.
        public var description: String {
            "BearerTokenAuthorizer's fetchToken needed a token from the same authorizer; "
                + "send the token request with HTTPRequest(usesAuthorizer: false)"
        }
    }

    /// - Parameter fetchToken: obtains a new access token (e.g. an OAuth refresh-token grant).
    ///   If it sends through the client this authorizer serves, that request must set
    ///   ``HTTPRequest/usesAuthorizer`` to `false`.
    public init(fetchToken: @escaping @Sendable () throws -> String) {
        self.fetchToken = fetchToken
    }

    /// `Authorization: Bearer <token>`, fetching the token on first use.
    public func authorizationHeaders() throws -> HTTPHeaders {
        ["Authorization": Self.headerValue(try currentToken())]
    }

    /// Fetches a new token unless `rejected` carried an older one than the current token
    /// (another request already renewed it); either way the request may be sent again.
    public func renew(after failure: HTTPStatusFailure, rejected: HTTPHeaders) throws -> Bool {
        _ = try fetch { current in
            guard let current else { return true }
            // Rejected with an older token: another request renewed it meanwhile.
            return rejected["Authorization"] == Self.headerValue(current)
        }
        return true
    }

    private func currentToken() throws -> String {
        if let token = lock.withLock({ token }) { return token }
        // Another caller may have fetched it while this one waited.
        return try fetch { current in current == nil }
    }

    /// Under `fetchLock`, fetches and stores a new token if `isNeeded(current token)`, and
    /// returns the token now current.
    private func fetch(if isNeeded: (String?) -> Bool) throws -> String {
        if lock.withLock({ fetchingThread === Thread.current }) { throw ReentrantFetch() }
        return try fetchLock.withLock {
            let current = lock.withLock { token }
            if let current, !isNeeded(current) { return current }
            lock.withLock { fetchingThread = Thread.current }
            defer { lock.withLock { fetchingThread = nil } }
            let fresh = try fetchToken()
            lock.withLock { token = fresh }
            return fresh
        }
    }

    private static func headerValue(_ token: String) -> String { "Bearer \(token)" }
}
