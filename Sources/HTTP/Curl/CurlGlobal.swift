import CCurl

/// libcurl's process-wide initialisation.
///
/// `curl_global_init` is not thread-safe and must run before any easy handle
/// is created. A `static let` is initialised exactly once, under the Swift
/// runtime's own once-lock, even when the first clients are created on
/// several threads at the same time.
enum CurlGlobal {
    /// The result of the one `curl_global_init` call in this process.
    static let initResult: CURLcode = ccurl_global_init_all()

    /// Whether libcurl initialised successfully (runs the init on first use).
    static var isReady: Bool { initResult == CURLE_OK }
}
