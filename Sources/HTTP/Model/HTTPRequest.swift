import Foundation

/// A request to send with ``HTTPClient``: method, URL, headers, optional body
/// and an optional timeout for the whole exchange.
///
/// ```swift
/// let request = HTTPRequest(
///     method: .post,
///     url: "https://api.example.com/v1/jobs",
///     headers: ["Content-Type": "application/json"],
///     body: Data(#"{"object":"Account"}"#.utf8)
/// )
/// ```
public struct HTTPRequest: Sendable, Hashable {
    /// The request method.
    public var method: HTTPMethod
    /// The absolute `http` or `https` URL, already percent-encoded (``URLQuery`` builds queries).
    public var url: String
    /// Header fields to send in addition to those libcurl adds (`Host`,
    /// `Accept-Encoding`, `Content-Length`).
    public var headers: HTTPHeaders
    /// The body to send, or `nil` for none. An empty body on `POST` still
    /// sends `Content-Length: 0`.
    public var body: Data?
    /// A limit on the whole exchange (connect, send, receive) for one attempt,
    /// overriding ``HTTPClient/Configuration/requestTimeout``. Leave `nil` for
    /// long streamed exports and rely on the stall timeout instead.
    public var timeout: Duration?
    /// Whether the client's ``HTTPAuthorizer`` adds credentials to this request and renews
    /// them after a 401. Set `false` on the authorizer's own token request when it goes through
    /// the same client: fetching a token must not need a token.
    public var usesAuthorizer: Bool
    /// Whether the request may be sent again after the server could have acted on it.
    ///
    /// Defaults from the method (``HTTPMethod/isIdempotent``). A request that is not idempotent
    /// (a `POST` creating a job, say) is retried only when it cannot have been processed: after
    /// a 429 or 503 answer, or a failure to resolve the host or proxy or to connect. Set it to
    /// `true` for a `POST` that only reads (a search or a query endpoint).
    public var isIdempotent: Bool

    /// Creates a request; `isIdempotent` defaults from the method.
    public init(
        method: HTTPMethod = .get,
        url: String,
        headers: HTTPHeaders = [:],
        body: Data? = nil,
        timeout: Duration? = nil,
        usesAuthorizer: Bool = true,
        isIdempotent: Bool? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.usesAuthorizer = usesAuthorizer
        self.isIdempotent = isIdempotent ?? method.isIdempotent
    }
}
