/// A value that does not match its schema: where and why.
///
/// ```swift
/// let schema = try JSONSchema(["type": "object", "properties": ["Amount": ["type": ["null", "number"]]]])
/// schema.validate(["Amount": "abc"]).first?.description
/// // record.Amount: expected number or null, got string "abc"
/// ```
public struct SchemaViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which rule the value broke, for callers that react differently to each.
    public enum Kind: Sendable, Hashable {
        /// The `type` keyword, or a `false` schema.
        case type
        /// `format` (`date-time`, `date`, `time`).
        case format
        /// `minLength` or `maxLength`.
        case length
        /// `minimum`, `maximum`, `exclusiveMinimum` or `exclusiveMaximum`.
        case range
        case multipleOf
        /// `enum` or `const`.
        case enumeration
        /// A name listed in `required` is absent.
        case required
        /// A member `additionalProperties: false` forbids.
        case additionalProperty
        /// `anyOf`, `oneOf` or `not`.
        case combination
    }

    /// The offending value's place, e.g. `record.LineItems[1].Price`.
    public var path: JSONPath
    /// Which rule failed.
    public var kind: Kind
    /// What was expected and what was found, e.g. `expected number or null, got string "abc"`.
    public var message: String

    /// An error at `path`.
    public init(path: JSONPath, kind: Kind, message: String) {
        self.path = path
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
