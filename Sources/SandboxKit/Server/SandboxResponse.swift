import Hummingbird

/// What a sandbox answers: status, headers and a body that is either one buffer or produced
/// chunk by chunk (for large exports), optionally cut off mid-body to emulate a dropped
/// connection.
///
/// ```swift
/// var response = SandboxResponse.json(status: 200, #"{"ok":true}"#)
/// response.dropConnectionAfterBytes = 5   // the client sees a truncated body
/// ```
public struct SandboxResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields to send; `Content-Length` is added from the body when it is known.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: Body
    /// A fault: after this many body bytes the connection is closed without finishing the
    /// body, so the client sees a short read (a declared length not reached, or an
    /// unterminated chunked body).
    public var dropConnectionAfterBytes: Int?

    /// A response body.
    public enum Body: Sendable {
        /// The whole body in one buffer.
        case buffer(ByteBuffer)
        /// Chunks produced on demand by `next(index)` for index 0, 1, 2… until it returns
        /// `nil`; sent with chunked encoding unless `contentLength` is known.
        case chunks(contentLength: Int?, next: @Sendable (Int) -> ByteBuffer?)
    }

    /// A response with the given parts.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: Body = .buffer(ByteBuffer())) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response whose body is `bytes`, with the given content type.
    public init(status: Int, contentType: String, bytes: some Collection<UInt8>, headers: [(name: String, value: String)] = []) {
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        self.init(status: status, headers: [("Content-Type", contentType)] + headers, body: .buffer(buffer))
    }

    /// A JSON response (`application/json;charset=UTF-8`) from text.
    public static func json(status: Int = 200, _ text: String, headers: [(name: String, value: String)] = []) -> SandboxResponse {
        SandboxResponse(status: status, contentType: "application/json;charset=UTF-8", bytes: Array(text.utf8), headers: headers)
    }

    /// A JSON response from bytes already encoded.
    public static func json(status: Int = 200, bytes: [UInt8], headers: [(name: String, value: String)] = []) -> SandboxResponse {
        SandboxResponse(status: status, contentType: "application/json;charset=UTF-8", bytes: bytes, headers: headers)
    }

    /// An empty response, e.g. `204 No Content`.
    public static func empty(status: Int, headers: [(name: String, value: String)] = []) -> SandboxResponse {
        SandboxResponse(status: status, headers: headers)
    }

    /// The first value of header `name` (any case).
    public func header(_ name: String) -> String? {
        let key = name.lowercased()
        return headers.first { $0.name.lowercased() == key }?.value
    }

    /// Replaces every field named `name` with one field holding `value`.
    public mutating func setHeader(_ name: String, _ value: String) {
        let key = name.lowercased()
        headers.removeAll { $0.name.lowercased() == key }
        headers.append((name: name, value: value))
    }

    /// The body's bytes when it is one buffer (for tests and composite requests); chunked
    /// bodies are concatenated.
    public var bodyBytes: [UInt8] {
        switch body {
        case .buffer(let buffer): return Array(buffer.readableBytesView)
        case .chunks(_, let next):
            var bytes: [UInt8] = []
            var index = 0
            while let chunk = next(index) {
                bytes.append(contentsOf: chunk.readableBytesView)
                index += 1
            }
            return bytes
        }
    }
}
