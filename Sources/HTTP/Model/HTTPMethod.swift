/// An HTTP request method such as `GET` or `POST`.
///
/// A struct rather than an enum so that rarely used or extension methods
/// (`PROPFIND`, vendor verbs) need no change here:
///
/// ```swift
/// let method: HTTPMethod = .post
/// let custom = HTTPMethod(rawValue: "PURGE")
/// ```
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The method token exactly as sent on the wire, for example `"GET"`.
    public let rawValue: String

    /// Creates a method from its wire token; tokens are case-sensitive in HTTP.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a method from a string literal, for example `"PATCH"`.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The wire token, for example `"GET"`.
    public var description: String { rawValue }

    /// `GET`: read a resource.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `HEAD`: read a resource's headers only.
    public static let head = HTTPMethod(rawValue: "HEAD")
    /// `POST`: submit a body.
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT`: replace a resource.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `PATCH`: partially update a resource.
    public static let patch = HTTPMethod(rawValue: "PATCH")
    /// `DELETE`: remove a resource.
    public static let delete = HTTPMethod(rawValue: "DELETE")
    /// `OPTIONS`: ask which methods and features a resource supports.
    public static let options = HTTPMethod(rawValue: "OPTIONS")

    /// Whether sending the method twice has the same effect as sending it once (RFC 9110
    /// §9.2.2): `GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS` and `TRACE`. `POST`, `PATCH` and
    /// unknown methods are not, so the client retries them only when the server cannot have
    /// acted on them (see ``HTTPRequest/isIdempotent``).
    public var isIdempotent: Bool {
        Self.idempotentTokens.contains(rawValue)
    }

    private static let idempotentTokens: Set<String> = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"]
}
