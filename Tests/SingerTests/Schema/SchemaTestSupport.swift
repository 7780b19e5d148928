import Testing

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

    /// The descriptions of the errors validating `value` against `schema` gives. Every call
    /// also validates the text in place (as a `JSONElement`) and expects the very same errors,
    /// so each test of a rule proves both walks.
    static func errors(_ schema: JSONSchema, _ value: String) throws -> [String] {
        let materialized = schema.validate(try json(value))
        let inPlace = try elementErrors(schema, value)
        #expect(inPlace == materialized, "validating \(value) in place differs from validating its JSONValue")
        return materialized.map(\.description)
    }

    /// The errors validating `text` as a `JSONElement` gives, with the other entry points'
    /// answers checked against them.
    static func elementErrors(_ schema: JSONSchema, _ text: String, rootName: String = "record") throws -> [SchemaViolation] {
        var parser = JSONParser(options: .init(allowsNonFiniteNumbers: true))
        let validator = SchemaValidator(schema, rootName: rootName)
        return try Array(text.utf8).withUnsafeBytes { bytes in
            try parser.withDocument(bytes) { element in
                let errors = validator.validate(element)
                #expect(validator.isValid(element) == errors.isEmpty)
                var first: SchemaViolation?
                do throws(SchemaViolation) { try validator.ensureValid(element) } catch { first = error }
                #expect(first == errors.first)
                return errors
            }
        }
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
