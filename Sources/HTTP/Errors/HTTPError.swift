/// Why a request failed, with enough context to act on it.
///
/// Every case carries an ``HTTPRequestSummary`` (method, redacted URL and the
/// client's configured ``Redactor``), so descriptions say what failed and where
/// without leaking secrets:
///
/// ```text
/// GET https://api.example.com/v1/export?access_token=*** failed with
/// HTTP 429 after 5 attempts; response body: {"error":"rate limited"}
/// ```
public enum HTTPError: Error, Sendable, CustomStringConvertible {
    /// The request could not be sent as given (bad URL, a header containing a
    /// line break, an option libcurl rejected). Retrying cannot help.
    case invalidRequest(HTTPRequestSummary, reason: String)
    /// No usable response: connection refused, DNS failure, timeout, TLS
    /// failure. `attempts` counts every try made.
    case transport(HTTPRequestSummary, CurlFailure, attempts: Int)
    /// The server answered with a non-2xx status (after retries, if the
    /// status was retryable).
    case status(HTTPRequestSummary, HTTPStatusFailure, attempts: Int)
    /// The connection broke after the head or part of a streamed body had
    /// already been handed to the consumer. Not retried: a retry would deliver
    /// them twice, so the caller must restart from a point it controls. `attempts`
    /// counts every try, including earlier ones that failed before any delivery.
    case streamInterrupted(HTTPRequestSummary, CurlFailure, bytesDelivered: Int64, attempts: Int)

    /// The request this error is about.
    public var request: HTTPRequestSummary {
        switch self {
        case .invalidRequest(let request, _), .transport(let request, _, _),
             .status(let request, _, _), .streamInterrupted(let request, _, _, _):
            return request
        }
    }

    /// The HTTP status, if the server answered.
    public var status: Int? {
        if case .status(_, let failure, _) = self { return failure.status }
        return nil
    }

    /// The libcurl error code, if the failure was below HTTP.
    public var curlCode: Int? {
        switch self {
        case .transport(_, let failure, _), .streamInterrupted(_, let failure, _, _): return failure.code
        case .invalidRequest, .status: return nil
        }
    }

    /// How many attempts were made before giving up.
    public var attempts: Int {
        switch self {
        case .invalidRequest: return 0
        case .transport(_, _, let attempts), .status(_, _, let attempts), .streamInterrupted(_, _, _, let attempts):
            return attempts
        }
    }

    /// Whether the failure was a timeout (connect, total or stall).
    public var isTimeout: Bool {
        switch self {
        case .transport(_, let failure, _), .streamInterrupted(_, let failure, _, _): return failure.isTimeout
        case .invalidRequest, .status: return false
        }
    }

    /// A one-paragraph explanation: what, where, how often, and what to do.
    public var description: String {
        let redactor = request.redactor
        switch self {
        case .invalidRequest(let request, let reason):
            return "\(request) could not be sent: \(reason)"
        case .transport(let request, let failure, let attempts):
            return "\(request) failed \(Self.after(attempts)): \(redactor.redactedText(failure.description)). "
                + "Check the host name, network, proxy (https_proxy/HTTPS_PROXY, NO_PROXY) and timeouts."
        case .status(let request, let failure, let attempts):
            let excerpt = failure.bodyExcerpt(redactor: redactor)
            return "\(request) failed with HTTP \(failure.status) \(Self.after(attempts))"
                + (excerpt.isEmpty ? "; empty response body" : "; response body: \(excerpt)")
        case .streamInterrupted(let request, let failure, let bytes, let attempts):
            return "\(request) broke off on attempt \(attempts) after its head and \(bytes) body bytes had been delivered: "
                + "\(redactor.redactedText(failure.description)). Not retried, because a retry would "
                + "deliver those bytes again; restart the download from its beginning or last bookmark."
        }
    }

    private static func after(_ attempts: Int) -> String {
        attempts == 1 ? "after 1 attempt" : "after \(attempts) attempts"
    }
}
