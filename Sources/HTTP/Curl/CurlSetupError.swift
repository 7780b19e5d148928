import CCurl

/// libcurl refused an option while a transfer was being prepared, or a
/// request could not be translated into options at all.
struct CurlSetupError: Error {
    /// What went wrong, naming the option or request part.
    var reason: String

    init(reason: String) {
        self.reason = reason
    }

    init(option: String, code: CURLcode) {
        let text = String(cString: curl_easy_strerror(code))
        self.reason = "libcurl rejected \(option): \(text) (curl error \(code.rawValue))"
    }
}
