/// Hides secrets in URLs, headers and free text before they reach logs or
/// error descriptions.
///
/// A name counts as secret when, lower-cased and with `-` and `_` removed, it
/// contains one of ``sensitiveFragments`` or equals one of ``sensitiveNames``;
/// names in ``sensitiveParameterNames`` are secret only as URL query or
/// `name=value` form parameters. Matching by fragment errs towards hiding too
/// much: an unhelpful log line is cheap, a leaked token is not.
///
/// ```swift
/// let redactor = Redactor()
/// redactor.redactedURL("https://h/x?access_token=abc&page=2")
/// // "https://h/x?access_token=***&page=2"
/// ```
public struct Redactor: Sendable, Hashable {
    /// The text that replaces a secret value, the same as elsewhere in the project.
    public static let placeholder = "***"

    /// Fragments that mark a header or parameter name as secret
    /// (`access_token`, `client_secret`, `X-API-Key`, `Authorization`, …).
    public var sensitiveFragments: Set<String>
    /// Whole names that are secret but too short to match as fragments.
    public var sensitiveNames: Set<String>
    /// Names secret only as URL query or form parameters. `code` is an OAuth authorization
    /// code in `?code=…` or `code=…&grant_type=…`, but in a JSON error body
    /// (`{"code":"90000011"}`, Zuora) it is the vendor error code a reader needs.
    public var sensitiveParameterNames: Set<String>

    /// Creates a redactor; pass extra names for vendor-specific secrets.
    public init(additionalSensitiveNames: Set<String> = []) {
        self.sensitiveFragments = [
            "token", "secret", "password", "passwd", "apikey", "auth", "cookie",
            "signature", "credential", "session", "privatekey", "bearer",
        ]
        self.sensitiveNames = Set(["key", "sig", "pwd", "jwt", "assertion"])
            .union(additionalSensitiveNames.map(Self.normalized))
        self.sensitiveParameterNames = ["code"]
    }

    /// Whether a header, JSON key or parameter called `name` carries a secret.
    public func isSensitive(name: String) -> Bool {
        let key = Self.normalized(name)
        return sensitiveNames.contains(key) || sensitiveFragments.contains { key.contains($0) }
    }

    /// Whether a URL query or form parameter called `name` carries a secret: a sensitive
    /// name, or one of ``sensitiveParameterNames``.
    public func isSensitive(parameter name: String) -> Bool {
        isSensitive(name: name) || sensitiveParameterNames.contains(Self.normalized(name))
    }

    /// The URL with secret query values and any user-info password replaced,
    /// and the fragment dropped. Non-secret parameters stay readable because
    /// they are what makes an error message useful (`page=3`, `q=…`).
    public func redactedURL(_ url: String) -> String {
        var rest = Substring(url)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: Substring?
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var result = redactedUserInfo(String(rest))
        if let query {
            result += "?" + redactedQuery(query)
        }
        return result
    }

    /// The headers with every secret value replaced by ``placeholder``.
    public func redacted(_ headers: HTTPHeaders) -> HTTPHeaders {
        HTTPHeaders(headers.map { field in
            isSensitive(name: field.name)
                ? HTTPHeaders.Field(name: field.name, value: Self.placeholder)
                : field
        })
    }

    /// Replaces `user:password@` in a URL's authority with `user:***@`.
    private func redactedUserInfo(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = url[authorityStart...].firstIndex(of: "/") ?? url.endIndex
        let authority = url[authorityStart..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"),
              let colon = authority[..<at].firstIndex(of: ":")
        else { return url }
        return String(url[..<colon]) + ":" + Self.placeholder + String(url[at...])
    }

    private func redactedQuery(_ query: Substring) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let name = pair[..<equals]
            let decodedName = name.removingPercentEncodingLossy()
            return isSensitive(parameter: decodedName) ? "\(name)=\(Self.placeholder)" : String(pair)
        }.joined(separator: "&")
    }

    static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "-" && $0 != "_" })
    }
}

extension Substring {
    /// Percent-decodes without Foundation; leaves malformed escapes as they are.
    func removingPercentEncodingLossy() -> String {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { bytes.append(byte); continue }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
