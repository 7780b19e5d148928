import Foundation

/// A response whose status was not 2xx, kept for the caller to inspect.
///
/// ``body`` holds up to ``HTTPClient/Configuration/maxErrorBodyBytes`` of the
/// raw body so a vendor layer can parse its error codes (for example a
/// Salesforce `INVALID_SESSION_ID`); only the redacted ``bodyExcerpt`` is ever
/// printed.
public struct HTTPStatusFailure: Sendable, Hashable {
    /// The final status code.
    public var status: Int
    /// The response headers.
    public var headers: HTTPHeaders
    /// The start of the body, unredacted; may be cut short.
    public var body: Data
    /// Whether ``body`` was cut short.
    public var bodyTruncated: Bool

    /// Creates a failure record.
    public init(status: Int, headers: HTTPHeaders, body: Data, bodyTruncated: Bool) {
        self.status = status
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
    }

    /// The first `limit` bytes of the body as text, secrets redacted, with
    /// `…` marking a cut.
    public func bodyExcerpt(limit: Int = 500, redactor: Redactor = Redactor()) -> String {
        let prefix = body.prefix(limit)
        let text = String(decoding: prefix, as: UTF8.self)
            .replacingOccurrences(of: "\r", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
        let cut = body.count > limit || bodyTruncated
        return redactor.redactedText(text) + (cut ? "…" : "")
    }
}
