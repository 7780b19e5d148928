import Foundation

/// Supplies the credentials a client adds to every request, and renews them when the server
/// answers 401 (an expired OAuth access token, a Salesforce `INVALID_SESSION_ID`).
///
/// The client asks for headers before each attempt of a request whose
/// ``HTTPRequest/usesAuthorizer`` is `true`; after a 401 it calls
/// ``renew(after:rejected:)`` once per request and, if that returns `true`, sends the request
/// again with fresh headers.
///
/// An authorizer may reach its token endpoint through the same ``HTTPClient``, provided that
/// token request sets `usesAuthorizer: false`: otherwise fetching a token would ask the
/// authorizer for a token, forever, and the token request would carry the stale credentials.
///
/// ```swift
/// let authorizer = BearerTokenAuthorizer {
///     try client.send(HTTPRequest(method: .post, url: tokenURL, body: grant, usesAuthorizer: false)).text
/// }
/// ```
public protocol HTTPAuthorizer: Sendable {
    /// Header fields to add to the next attempt, e.g. `Authorization: Bearer …`.
    func authorizationHeaders() throws -> HTTPHeaders
    /// Obtains new credentials after `failure` (a 401) answered an attempt that carried the
    /// headers `rejected`; returns `false` when they cannot be renewed.
    ///
    /// Several requests can be rejected with the same credentials at once; an implementation
    /// should fetch new ones only if `rejected` still holds its current credentials, and
    /// otherwise return `true` so the request is sent again with those already renewed.
    func renew(after failure: HTTPStatusFailure, rejected: HTTPHeaders) throws -> Bool
}
