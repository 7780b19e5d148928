import CCurl

/// A transfer-level failure reported by libcurl: no usable HTTP response.
public struct CurlFailure: Sendable, Hashable, CustomStringConvertible {
    /// libcurl's `CURLcode`, for example `7` (could not connect) or `28` (timed out).
    public var code: Int
    /// libcurl's detailed message, or its generic text for the code.
    public var message: String

    /// Creates a failure from a code and message.
    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    /// Whether the transfer hit a connect, total or stall timeout.
    public var isTimeout: Bool { code == Int(CURLE_OPERATION_TIMEDOUT.rawValue) }

    /// Whether the failure is plausibly transient (network, DNS, timeouts, a
    /// connection closed early) rather than a mistake that retrying repeats
    /// (bad URL, untrusted certificate, too many redirects).
    public var isRetryable: Bool {
        Self.retryableCodes.contains(code)
    }

    /// Whether the request cannot have reached the server: its host or proxy name did not
    /// resolve, or no connection could be opened. Only such failures are retried for a request
    /// that is not idempotent.
    public var happenedBeforeSending: Bool {
        Self.beforeSendingCodes.contains(code)
    }

    /// `curl error 7 (Couldn't connect to server): Failed to connect to …`.
    public var description: String {
        let generic = Self.genericText(for: code)
        if message.isEmpty || message == generic {
            return "curl error \(code) (\(generic))"
        }
        return "curl error \(code) (\(generic)): \(message)"
    }

    /// libcurl's fixed description of a code.
    static func genericText(for code: Int) -> String {
        String(cString: curl_easy_strerror(CURLcode(UInt32(truncatingIfNeeded: code))))
    }

    private static let beforeSendingCodes: Set<Int> = Set([
        CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT,
    ].map { Int($0.rawValue) })

    private static let retryableCodes: Set<Int> = Set([
        CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT,
        CURLE_OPERATION_TIMEDOUT, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_SEND_ERROR,
        CURLE_RECV_ERROR, CURLE_SSL_CONNECT_ERROR, CURLE_HTTP2, CURLE_HTTP2_STREAM,
    ].map { Int($0.rawValue) })
}
