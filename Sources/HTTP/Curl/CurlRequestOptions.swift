import CCurl

/// Translates a request and the client configuration into libcurl options.
enum CurlRequestOptions {
    /// A valid pointer for zero-length bodies; libcurl treats a NULL
    /// `CURLOPT_POSTFIELDS` as "read the body from a callback" instead.
    // Never written after creation, so sharing it across threads is safe.
    nonisolated(unsafe) private static let emptyBody: UnsafeMutableRawPointer = {
        let pointer = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)
        pointer.storeBytes(of: 0, as: UInt8.self)
        return pointer
    }()

    /// Resets `handle` and applies every option for `request`. The returned
    /// header list must stay alive until the transfer ends; so must `body`.
    static func apply(
        _ request: HTTPRequest,
        body: UnsafeRawBufferPointer?,
        configuration: HTTPClient.Configuration,
        to handle: CurlEasyHandle
    ) throws(CurlSetupError) -> CurlHeaderList {
        let lowercasedURL = request.url.lowercased()
        guard lowercasedURL.hasPrefix("http://") || lowercasedURL.hasPrefix("https://") else {
            throw CurlSetupError(reason: "the URL must start with http:// or https://")
        }
        try handle.reset()
        try handle.set(CURLOPT_URL, request.url, name: "the URL")
        // Without NOSIGNAL libcurl uses SIGALRM for DNS timeouts, which is
        // unsafe in a multi-threaded process.
        try handle.set(CURLOPT_NOSIGNAL, 1, name: "CURLOPT_NOSIGNAL")
        try handle.set(CURLOPT_PROTOCOLS_STR, "http,https", name: "CURLOPT_PROTOCOLS_STR")
        try handle.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https", name: "CURLOPT_REDIR_PROTOCOLS_STR")
        try handle.set(CURLOPT_FOLLOWLOCATION, configuration.followRedirects ? 1 : 0, name: "CURLOPT_FOLLOWLOCATION")
        try handle.set(CURLOPT_MAXREDIRS, configuration.maxRedirects, name: "CURLOPT_MAXREDIRS")
        // An empty string offers every encoding libcurl can decode (gzip, deflate, …) and decodes it.
        try handle.set(CURLOPT_ACCEPT_ENCODING, "", name: "CURLOPT_ACCEPT_ENCODING")
        try handle.set(CURLOPT_TCP_KEEPALIVE, 1, name: "CURLOPT_TCP_KEEPALIVE")
        try applyTimeouts(request, configuration, handle)
        try applyTLSAndProxy(configuration, handle)
        try applyMethodAndBody(request.method, body, handle)

        let headers = try CurlHeaderList(request.headers)
        // libcurl waits up to a second for "100 Continue" before large bodies;
        // most APIs never send it, so the wait is pure latency.
        if !request.headers.contains("Expect") { try headers.append(rawLine: "Expect:") }
        try handle.set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(headers.raw), name: "CURLOPT_HTTPHEADER")
        return headers
    }

    private static func applyTimeouts(
        _ request: HTTPRequest, _ configuration: HTTPClient.Configuration, _ handle: CurlEasyHandle
    ) throws(CurlSetupError) {
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.wholeMilliseconds, name: "the connect timeout")
        if let total = request.timeout ?? configuration.requestTimeout {
            try handle.set(CURLOPT_TIMEOUT_MS, total.wholeMilliseconds, name: "the request timeout")
        }
        // LOW_SPEED_TIME is whole seconds; round up so a sub-second stall timeout is not "off".
        let stallSeconds = max(1, (configuration.stallTimeout.wholeMilliseconds + 999) / 1000)
        try handle.set(CURLOPT_LOW_SPEED_LIMIT, max(1, configuration.stallMinimumBytesPerSecond), name: "the stall rate")
        try handle.set(CURLOPT_LOW_SPEED_TIME, stallSeconds, name: "the stall timeout")
    }

    private static func applyTLSAndProxy(
        _ configuration: HTTPClient.Configuration, _ handle: CurlEasyHandle
    ) throws(CurlSetupError) {
        try handle.set(CURLOPT_SSL_VERIFYPEER, 1, name: "CURLOPT_SSL_VERIFYPEER")
        try handle.set(CURLOPT_SSL_VERIFYHOST, 2, name: "CURLOPT_SSL_VERIFYHOST")
        if let caBundlePath = configuration.caBundlePath {
            try handle.set(CURLOPT_CAINFO, caBundlePath, name: "the CA bundle path")
        }
        // Only explicit settings are applied: leaving these unset is what lets
        // libcurl read the proxy environment variables itself.
        // A proxy's "200 Connection established" must not look like the response's 2xx head,
        // which is handed to the consumer as soon as its blank line arrives.
        try handle.set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1, name: "CURLOPT_SUPPRESS_CONNECT_HEADERS")
        if let proxy = configuration.proxy {
            try handle.set(CURLOPT_PROXY, proxy, name: "the proxy")
        }
        if let noProxy = configuration.noProxy {
            try handle.set(CURLOPT_NOPROXY, noProxy, name: "the no-proxy list")
        }
        if let userAgent = configuration.userAgent {
            try handle.set(CURLOPT_USERAGENT, userAgent, name: "the user agent")
        }
    }

    private static func applyMethodAndBody(
        _ method: HTTPMethod, _ body: UnsafeRawBufferPointer?, _ handle: CurlEasyHandle
    ) throws(CurlSetupError) {
        switch method {
        case .head:
            try handle.set(CURLOPT_NOBODY, 1, name: "CURLOPT_NOBODY")
        case .get where body == nil:
            try handle.set(CURLOPT_HTTPGET, 1, name: "CURLOPT_HTTPGET")
        default:
            if method != .post {
                try handle.set(CURLOPT_CUSTOMREQUEST, method.rawValue, name: "the method")
            }
        }
        guard let body, method != .head else { return }
        try handle.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(body.count), name: "the body size")
        let pointer = body.baseAddress.map { UnsafeMutableRawPointer(mutating: $0) } ?? emptyBody
        try handle.set(CURLOPT_POSTFIELDS, pointer: pointer, name: "the body")
    }
}
