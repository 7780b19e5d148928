@testable import Singer

/// Schemas and values written as JSON text, the way they arrive in SCHEMA and RECORD messages.
enum SchemaTestSupport {
    static func json(_ text: String) throws -> JSONValue {
        var parser = JSONParser(options: .init(allowsNonFiniteNumbers: true))
        return try parser.parse(text)
    }

    static func schema(_ text: String) throws -> JSONSchema {
        try JSONSchema(json(text))
    }

    /// The descriptions of the errors validating `value` against `schema` gives.
    static func errors(_ schema: JSONSchema, _ value: String) throws -> [String] {
        schema.validate(try json(value)).map(\.description)
    }

    /// The description of the error building a schema from `text` throws, or nil.
    static func schemaError(_ text: String) throws -> String? {
        let document = try json(text)
        do {
            _ = try JSONSchema(document)
            return nil
        } catch {
            return error.description
        }
    }
}
