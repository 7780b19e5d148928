import Foundation

/// How one attempt ended, before the retry policy decides what to do.
enum AttemptOutcome {
    /// A complete 2xx response; the body went to the consumer.
    case success(HTTPResponseHead)
    /// A complete non-2xx response; its body was kept, never delivered.
    case status(HTTPStatusFailure)
    /// libcurl failed; `bytesDelivered` body bytes had reached the consumer,
    /// and `headDelivered` says whether its head handler had already run.
    case transport(CurlFailure, bytesDelivered: Int64, headDelivered: Bool, status: Int?)
    /// The consumer's head or chunk handler threw; passed through unchanged.
    case consumerFailed(any Error)
    /// The request could not be turned into a transfer.
    case invalid(reason: String)

    /// The HTTP status for metrics, if a response arrived.
    var statusCode: Int? {
        switch self {
        case .success(let head): return head.status
        case .status(let failure): return failure.status
        case .transport(_, _, _, let status): return status
        case .consumerFailed, .invalid: return nil
        }
    }
}
