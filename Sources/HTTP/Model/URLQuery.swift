/// Query parameters (or a form body) in order, percent-encoded per RFC 3986: everything but
/// `A–Z a–z 0–9 - . _ ~` is escaped, so a SOQL query or an ISO timestamp with `+` survives.
///
/// ```swift
/// let query = URLQuery([("q", "SELECT Id FROM Account WHERE SystemModstamp > 2024-01-01T00:00:00+00:00")])
/// query.appended(to: "\(instance)/services/data/v61.0/query")
/// // …/query?q=SELECT%20Id%20FROM%20Account%20WHERE%20SystemModstamp%20%3E%202024-01-01T00%3A00%3A00%2B00%3A00
/// ```
public struct URLQuery: Sendable, Hashable {
    /// The parameters in the order they are encoded; a name may repeat.
    public var items: [Item]

    /// One `name=value` parameter, not yet percent-encoded.
    public struct Item: Sendable, Hashable {
        /// The parameter name, as plain text.
        public var name: String
        /// The parameter value, as plain text.
        public var value: String

        /// Creates a parameter from plain (unencoded) text.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Creates a query from `(name, value)` pairs in plain text, keeping their order.
    public init(_ pairs: [(String, String)]) { items = pairs.map { Item(name: $0.0, value: $0.1) } }

    /// `name=value&…`, each side percent-encoded: a query string or an
    /// `application/x-www-form-urlencoded` body.
    public var encoded: String {
        items.map { "\(Self.percentEncoded($0.name))=\(Self.percentEncoded($0.value))" }.joined(separator: "&")
    }

    /// `url` with these parameters added after `?`, or after `&` when it already has a query.
    public func appended(to url: String) -> String {
        guard !items.isEmpty else { return url }
        return url + (url.contains("?") ? "&" : "?") + encoded
    }

    /// Escapes every byte of the UTF-8 form except RFC 3986's unreserved characters.
    public static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
