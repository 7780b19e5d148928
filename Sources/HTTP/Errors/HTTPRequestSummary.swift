/// The part of a request that is safe to print: its method and redacted URL,
/// plus the redactor that made it, for the rest of an error's text.
///
/// Errors and logs carry this instead of the request itself, so headers such
/// as `Authorization` and secret query values can never reach them.
public struct HTTPRequestSummary: Sendable, Hashable, CustomStringConvertible {
    /// The request method.
    public var method: HTTPMethod
    /// The URL with secret query values replaced and the fragment dropped.
    public var redactedURL: String
    /// The URL's path alone (no scheme, host or query), for metrics tags.
    public var path: String
    /// The client's configured redactor, which ``HTTPError`` descriptions use for response
    /// bodies and libcurl messages too, so vendor-specific secret names stay hidden there.
    public var redactor: Redactor

    /// Summarises `request`, redacting its URL with `redactor`.
    public init(_ request: HTTPRequest, redactor: Redactor = Redactor()) {
        self.method = request.method
        self.redactedURL = redactor.redactedURL(request.url)
        self.path = Self.path(of: request.url)
        self.redactor = redactor
    }

    /// `GET https://host/path?access_token=***`.
    public var description: String { "\(method) \(redactedURL)" }

    private static func path(of url: String) -> String {
        var rest = Substring(url)
        if let schemeEnd = rest.range(of: "://") { rest = rest[schemeEnd.upperBound...] }
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let pathAndQuery = rest[slash...]
        let end = pathAndQuery.firstIndex { $0 == "?" || $0 == "#" } ?? pathAndQuery.endIndex
        return String(pathAndQuery[..<end])
    }
}
