/// The status and headers of a response, known before its body arrives.
///
/// Streaming calls hand this to the consumer before the first body chunk so
/// it can inspect `Content-Type` or a vendor's paging headers.
public struct HTTPResponseHead: Sendable, Hashable {
    /// The final status code, after any redirects were followed.
    public var status: Int
    /// The final response's header fields.
    public var headers: HTTPHeaders

    /// Creates a response head.
    public init(status: Int, headers: HTTPHeaders) {
        self.status = status
        self.headers = headers
    }

    /// Whether the status is in the 2xx success class.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
