import Foundation

/// A complete response whose body was collected in memory.
///
/// Use ``HTTPClient/send(_:)`` for small API replies; for exports that may be
/// large use ``HTTPClient/stream(_:onHead:onChunk:)`` instead.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code and header fields.
    public var head: HTTPResponseHead
    /// The decoded body (gzip and deflate are undone by libcurl).
    public var body: Data

    /// Creates a response.
    public init(head: HTTPResponseHead, body: Data) {
        self.head = head
        self.body = body
    }

    /// The final status code.
    public var status: Int { head.status }
    /// The final response's header fields, looked up case-insensitively.
    public var headers: HTTPHeaders { head.headers }
    /// The body decoded as UTF-8, with invalid bytes replaced.
    public var text: String { String(decoding: body, as: UTF8.self) }
}
