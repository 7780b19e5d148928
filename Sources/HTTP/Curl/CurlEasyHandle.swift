import CCurl

/// Owns one libcurl easy handle and the error buffer attached to it.
///
/// Reusing one handle across requests is what gives connection reuse:
/// `curl_easy_reset` clears options but keeps the connection cache, DNS
/// cache and TLS sessions. Not thread-safe; ``HTTPClient`` serialises access.
final class CurlEasyHandle {
    /// The `CURL *` pointer (libcurl's `CURL` is `void`).
    let raw: UnsafeMutableRawPointer
    /// libcurl writes a detailed message here when a transfer fails.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Creates a handle, or `nil` if libcurl could not be initialised.
    init?() {
        guard CurlGlobal.isReady, let raw = curl_easy_init() else { return nil }
        self.raw = raw
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        self.errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    /// Clears every option from the previous request, keeping connections,
    /// then re-attaches the error buffer (which a reset detaches).
    func reset() throws(CurlSetupError) {
        curl_easy_reset(raw)
        errorBuffer.update(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer), name: "CURLOPT_ERRORBUFFER")
    }

    /// The detailed message of the last failure, or `""`.
    var lastErrorMessage: String {
        String(cString: errorBuffer)
    }

    /// Sets a `long` option.
    func set(_ option: CURLoption, _ value: Int, name: String) throws(CurlSetupError) {
        try check(ccurl_setopt_long(raw, option, value), name)
    }

    /// Sets a `curl_off_t` option (the `_LARGE` sizes).
    func set(_ option: CURLoption, offset value: Int64, name: String) throws(CurlSetupError) {
        try check(ccurl_setopt_off_t(raw, option, curl_off_t(value)), name)
    }

    /// Sets a string option; libcurl copies strings, so the Swift string
    /// only needs to live for the call.
    func set(_ option: CURLoption, _ value: String, name: String) throws(CurlSetupError) {
        if value.utf8.contains(0) {
            throw CurlSetupError(reason: "\(name) contains a NUL byte")
        }
        try check(value.withCString { ccurl_setopt_string(raw, option, $0) }, name)
    }

    /// Sets a pointer option; the caller keeps the pointee alive for the transfer.
    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?, name: String) throws(CurlSetupError) {
        try check(ccurl_setopt_pointer(raw, option, value), name)
    }

    /// Installs a write or header callback.
    func set(_ option: CURLoption, callback: curl_write_callback, name: String) throws(CurlSetupError) {
        try check(ccurl_setopt_write_callback(raw, option, callback), name)
    }

    /// The status code of the response received so far (0 before one arrives).
    var responseCode: Int {
        var code = 0
        return ccurl_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK ? code : 0
    }

    /// Runs the configured transfer to completion on the calling thread.
    func perform() -> CURLcode {
        curl_easy_perform(raw)
    }

    private func check(_ code: CURLcode, _ name: String) throws(CurlSetupError) {
        guard code == CURLE_OK else { throw CurlSetupError(option: name, code: code) }
    }
}
