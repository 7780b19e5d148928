import Foundation
import Logging

/// Sends HTTP requests through one reusable libcurl handle.
///
/// Reusing the handle keeps connections alive between requests to the same
/// host. Calls block the calling thread until the response (or the last retry)
/// is done.
///
/// Retries follow the configuration's ``RetryPolicy``, but a request that is not
/// ``HTTPRequest/isIdempotent`` (by default `POST` and `PATCH`) is sent again only after a 429
/// or 503 answer or a failure to resolve or connect, when the server cannot have acted on it.
///
/// Thread safety: a client may be shared, but a lock serialises its requests
/// (one curl handle carries one transfer at a time). For parallel downloads
/// give each task its own client; from async code, call it off the
/// cooperative thread pool, since a transfer can block for a long time.
///
/// Do not send through a client from inside its own `onHead`, `onChunk` or
/// `onLine` handler: the lock is held for the whole transfer, so the call
/// would wait for itself forever. It throws ``HTTPError/invalidRequest(_:reason:)``
/// instead; use a second client for such nested requests.
///
/// ```swift
/// let client = HTTPClient(logger: logger)
/// let response = try client.send(HTTPRequest(url: "https://api.example.com/v1/me"))
/// try client.streamLines(HTTPRequest(url: exportURL)) { line in try handle(line) }
/// ```
public final class HTTPClient: @unchecked Sendable {
    /// Settings applied to every request.
    public let configuration: Configuration
    let logger: Logger
    let timing: RetryTiming
    let onMetric: HTTPMetricsHandler?
    let authorizer: (any HTTPAuthorizer)?

    /// Guards `handle`; `@unchecked Sendable` above rests on this lock and `transferLock`.
    private let lock = NSLock()
    /// Created on first use so that initialising a client cannot fail.
    private var handle: CurlEasyHandle?
    /// Guards `transferThread`, which is read without taking `lock`.
    private let transferLock = NSLock()
    /// The thread whose transfer holds `lock`, to detect a handler calling back into the client.
    private var transferThread: Thread?

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: timeouts, TLS, proxy, retries and redaction.
    ///   - logger: receives a debug line per attempt and a warning per retry.
    ///   - timing: sleep, randomness and clock used between retries.
    ///   - onMetric: called after every attempt with its endpoint, status and duration.
    ///   - authorizer: adds credentials to every attempt and renews them after a 401, for
    ///     requests that do not opt out with ``HTTPRequest/usesAuthorizer``.
    public init(
        configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "http"),
        timing: RetryTiming = .live,
        onMetric: HTTPMetricsHandler? = nil,
        authorizer: (any HTTPAuthorizer)? = nil
    ) {
        self.configuration = configuration
        self.logger = logger
        self.timing = timing
        self.onMetric = onMetric
        self.authorizer = authorizer
    }

    /// Sends `request` and collects the whole body in memory.
    ///
    /// Retries per the policy; because the body is buffered here, even a
    /// connection lost mid-body is retried. Throws ``HTTPError`` for non-2xx
    /// statuses and transfer failures.
    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        var body = Data()
        let head = try execute(request, restartBody: { body.removeAll(keepingCapacity: true) },
                               onHead: { _ in }, onChunk: { body.append($0) })
        return HTTPResponse(head: head, body: body)
    }

    /// Sends `request` and hands the body to `onChunk` as it arrives, without
    /// holding it in memory.
    ///
    /// `onHead` runs once, as soon as the head of a 2xx response arrived and
    /// before the first chunk; non-2xx bodies never reach the handlers and are
    /// reported as ``HTTPError/status(_:_:attempts:)``. Retries happen only
    /// until `onHead` has run; a failure after that throws
    /// ``HTTPError/streamInterrupted(_:_:bytesDelivered:attempts:)``. Errors thrown by
    /// the handlers abort the transfer and are rethrown unchanged.
    ///
    /// - Returns: the response head, once the whole body was delivered.
    @discardableResult
    public func stream(
        _ request: HTTPRequest,
        onHead: (HTTPResponseHead) throws -> Void = { _ in },
        onChunk: (Data) throws -> Void
    ) throws -> HTTPResponseHead {
        try execute(request, restartBody: nil, onHead: onHead, onChunk: onChunk)
    }

    /// Streams `request` and hands its body to `onLine` one line at a time
    /// (line breaks removed), for JSON-lines and CSV exports.
    ///
    /// Same delivery and retry rules as ``stream(_:onHead:onChunk:)``. Use
    /// `splitting: .csv` so quoted fields may contain line breaks.
    @discardableResult
    public func streamLines(
        _ request: HTTPRequest,
        splitting mode: LineSplitter.Mode = .plain,
        onHead: (HTTPResponseHead) throws -> Void = { _ in },
        onLine: (Data) throws -> Void
    ) throws -> HTTPResponseHead {
        var splitter = LineSplitter(mode: mode)
        let head = try stream(request, onHead: onHead) { chunk in
            try splitter.push(chunk, onLine: onLine)
        }
        try splitter.finish(onLine: onLine)
        return head
    }

    /// Whether the calling thread is inside one of this client's transfers (in
    /// a head or body handler): sending from there would wait for `lock` forever.
    var isInsideTransferOnCurrentThread: Bool {
        transferLock.withLock { transferThread === Thread.current }
    }

    /// Runs one attempt on the shared handle, holding the lock for its duration.
    func attempt(
        _ request: HTTPRequest,
        onHead: (HTTPResponseHead) throws -> Void,
        onChunk: (Data) throws -> Void
    ) -> AttemptOutcome {
        lock.lock()
        transferLock.withLock { transferThread = Thread.current }
        defer {
            transferLock.withLock { transferThread = nil }
            lock.unlock()
        }
        if handle == nil { handle = CurlEasyHandle() }
        guard let handle else {
            return .invalid(reason: "libcurl could not be initialised (curl_global_init or curl_easy_init failed)")
        }
        return CurlTransfer.run(
            on: handle, request: request, configuration: configuration, onHead: onHead, onChunk: onChunk)
    }
}
