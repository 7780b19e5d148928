/// One HTTP request as a sandbox sees it: the whole body collected, the query decoded.
///
/// Sandboxes are written against this value instead of Hummingbird's request so their
/// routing and handlers stay plain functions that tests can call without a socket.
///
/// ```swift
/// let request = SandboxRequest(method: "GET", path: "/services/data/", rawQuery: "q=SELECT+Id")
/// request.query["q"]   // "SELECT Id"
/// ```
public struct SandboxRequest: Sendable {
    /// The method in upper case, e.g. `GET`.
    public var method: String
    /// The path as sent (still percent-encoded), without the query.
    public var path: String
    /// The query string as sent, without `?`.
    public var rawQuery: String?
    /// The query's `name=value` pairs, decoded as a form (`+` is a space).
    public var query: FormFields
    /// Header fields with lower-cased names, in the order received.
    public var headers: [(name: String, value: String)]
    /// The request body.
    public var body: [UInt8]

    /// A request; header names are lower-cased here.
    public init(
        method: String, path: String, rawQuery: String? = nil,
        headers: [(name: String, value: String)] = [], body: [UInt8] = []
    ) {
        self.method = method.uppercased()
        self.path = path
        self.rawQuery = rawQuery
        self.query = FormFields(encoded: rawQuery ?? "")
        self.headers = headers.map { (name: $0.name.lowercased(), value: $0.value) }
        self.body = body
    }

    /// The first value of header `name` (any case).
    public func header(_ name: String) -> String? {
        let key = name.lowercased()
        return headers.first { $0.name == key }?.value
    }

    /// The path split at `/`, empty segments dropped and each segment percent-decoded:
    /// `/services/data/v61.0/` gives `["services", "data", "v61.0"]`.
    public var pathSegments: [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map { FormFields.percentDecoded(Substring($0), plusIsSpace: false) }
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
