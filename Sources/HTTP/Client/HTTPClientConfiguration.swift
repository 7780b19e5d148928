extension HTTPClient {
    /// Settings shared by every request a client sends.
    ///
    /// Proxies: libcurl itself reads `http_proxy`, `https_proxy`, `all_proxy`
    /// and `no_proxy`, and the upper-case `HTTPS_PROXY`, `ALL_PROXY` and
    /// `NO_PROXY` when the lower-case one is unset. It deliberately ignores
    /// upper-case `HTTP_PROXY`, because CGI servers put the client-supplied
    /// `Proxy:` header there ("httpoxy"); use `http_proxy` or `ALL_PROXY`
    /// instead. The client never sets a proxy option unless ``proxy`` or
    /// ``noProxy`` is given, so those variables keep working.
    ///
    /// ```swift
    /// var configuration = HTTPClient.Configuration()
    /// configuration.connectTimeout = .seconds(10)
    /// configuration.retryPolicy = RetryPolicy(maxAttempts: 3)
    /// ```
    public struct Configuration: Sendable {
        /// The longest wait for a TCP + TLS connection to be established.
        public var connectTimeout: Duration
        /// A limit on each whole attempt; `nil` (the default) means none, as
        /// exports can legitimately take hours. ``HTTPRequest/timeout`` wins.
        public var requestTimeout: Duration?
        /// Abort an attempt when fewer than ``stallMinimumBytesPerSecond`` bytes
        /// per second flow for this long: a dead connection, not a slow one.
        /// libcurl averages the rate over roughly the last five seconds, so a
        /// stall is noticed up to that much later than this duration.
        public var stallTimeout: Duration
        /// The transfer rate below which the stall timer runs.
        public var stallMinimumBytesPerSecond: Int
        /// A PEM bundle of trusted CAs instead of the system's. Verification
        /// of the peer certificate and host name is always on.
        public var caBundlePath: String?
        /// An explicit proxy URL, overriding the proxy environment variables.
        public var proxy: String?
        /// Hosts to reach directly, overriding `no_proxy`/`NO_PROXY`.
        public var noProxy: String?
        /// The `User-Agent` header; `nil` sends none unless a request sets one.
        public var userAgent: String?
        /// Whether to follow 3xx redirects (up to ``maxRedirects``).
        public var followRedirects: Bool
        /// The most redirects followed for one attempt.
        public var maxRedirects: Int
        /// When to retry and how long to wait in between.
        public var retryPolicy: RetryPolicy
        /// How much of a non-2xx body is kept in ``HTTPStatusFailure/body``.
        public var maxErrorBodyBytes: Int
        /// What counts as a secret in logs and error descriptions.
        public var redactor: Redactor

        /// Creates a configuration with conservative defaults.
        public init(
            connectTimeout: Duration = .seconds(30),
            requestTimeout: Duration? = nil,
            stallTimeout: Duration = .seconds(300),
            stallMinimumBytesPerSecond: Int = 1,
            caBundlePath: String? = nil,
            proxy: String? = nil,
            noProxy: String? = nil,
            userAgent: String? = nil,
            followRedirects: Bool = true,
            maxRedirects: Int = 10,
            retryPolicy: RetryPolicy = .standard,
            maxErrorBodyBytes: Int = 64 * 1024,
            redactor: Redactor = Redactor()
        ) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.stallTimeout = stallTimeout
            self.stallMinimumBytesPerSecond = stallMinimumBytesPerSecond
            self.caBundlePath = caBundlePath
            self.proxy = proxy
            self.noProxy = noProxy
            self.userAgent = userAgent
            self.followRedirects = followRedirects
            self.maxRedirects = maxRedirects
            self.retryPolicy = retryPolicy
            self.maxErrorBodyBytes = maxErrorBodyBytes
            self.redactor = redactor
        }
    }
}
