/// A schema that cannot be used: what is wrong and where in the schema document.
///
/// ```swift
/// do { _ = try JSONSchema(["type": "decimal"]) } catch { print(error) }
/// // schema.type: unknown type "decimal" (expected integer, number, string, boolean, object, array or null)
/// ```
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The keyword or subschema at fault, e.g. `schema.properties.Amount.type`.
    public var path: JSONPath
    /// What is wrong with it.
    public var reason: String

    /// An error at `path`.
    public init(path: JSONPath, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
