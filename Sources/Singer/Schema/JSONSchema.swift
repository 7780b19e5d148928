/// A parsed JSON Schema in the subset Singer streams use, ready to validate records quickly and
/// to tell a target which column type a property needs.
///
/// Keywords understood: `type` (a name or a list, `null` anywhere), `properties`, `required`,
/// `additionalProperties`, `items` (a schema, or a list read as a tuple), `anyOf`, `oneOf`,
/// `allOf`, `not`, `enum`, `const`, `format`, `minLength`, `maxLength`, `multipleOf`,
/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` (draft 4 booleans or later
/// numbers) and local `$ref`s to `#/definitions/…` or `#/$defs/…`. `patternProperties` is
/// checked for shape but not applied (and turns off `additionalProperties`); other keywords
/// (`$schema`, `title`, `description`, `inclusion`, `selected`, `x-sql-datatype`, …) are ignored.
///
/// ```swift
/// let schema = try JSONSchema([
///     "type": "object",
///     "properties": ["Id": ["type": "string"], "Amount": ["type": ["null", "number"]]],
///     "required": ["Id"],
/// ])
/// schema.properties.map(\.name)               // ["Id", "Amount"]
/// schema.property("Amount")?.nonNullTypes     // [.number]
/// schema.validate(["Id": "006A", "Amount": "abc"]).map(\.description)
/// // ["record.Amount: expected number or null, got string \"abc\""]
/// ```
public struct JSONSchema: Sendable, Hashable, CustomStringConvertible {
    /// One member of `properties`, in the order the schema lists them.
    public struct Property: Sendable, Hashable {
        /// The member name records use.
        public let name: String
        /// The member's schema.
        public let schema: JSONSchema
    }

    /// What `additionalProperties` says about members `properties` does not name.
    public enum AdditionalProperties: Sendable, Hashable {
        case allowed
        case forbidden
        case schema(JSONSchema)
    }

    /// Immutable and shared, so a schema is one pointer: handing a child schema to the validator
    /// costs one reference count, not one per keyword.
    final class Storage: Sendable {
        let json: JSONValue
        let keywords: SchemaKeywords
        let propertyTable: PropertyTable
        let effectiveTypes: SchemaTypeSet
        // Worked out once so the per-value walk skips whole groups of keywords with one test.
        let acceptsEverything: Bool
        let checksStrings: Bool
        let checksNumbers: Bool
        let checksObjects: Bool
        let checksArrays: Bool
        let checksCombinations: Bool

        init(json: JSONValue, keywords: SchemaKeywords) {
            self.json = json
            self.keywords = keywords
            propertyTable = PropertyTable(properties: keywords.properties, required: keywords.required)
            effectiveTypes = keywords.effectiveTypes
            acceptsEverything = keywords.acceptsEverything
            checksStrings = keywords.checksStrings
            checksNumbers = keywords.checksNumbers
            checksObjects = keywords.checksObjects
            checksArrays = keywords.checksArrays
            checksCombinations = keywords.checksCombinations
        }
    }

    let storage: Storage

    init(json: JSONValue, keywords: SchemaKeywords) {
        storage = Storage(json: json, keywords: keywords)
    }

    /// Parses `json`, which must be an object or a boolean. Errors name the offending keyword
    /// under `path` (`schema.properties.Amount.type: unknown type "decimal"`).
    public init(_ json: JSONValue, path: JSONPath = JSONPath(root: "schema")) throws(SchemaError) {
        var parser = SchemaParser(document: json)
        self = try parser.parse(json, at: path)
    }

    /// The schema `{}`: every value passes.
    public static let anything = JSONSchema(json: .object([:]), keywords: SchemaKeywords())

    /// The schema as it was given, to re-emit or store unchanged.
    public var json: JSONValue { storage.json }

    /// The schema as compact JSON.
    public var description: String { json.description }

    // Schemas are equal when their JSON is, which is what a target comparing successive
    // SCHEMA messages for a stream wants.
    public static func == (lhs: JSONSchema, rhs: JSONSchema) -> Bool {
        lhs.storage === rhs.storage || lhs.json == rhs.json
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(json) }
}

extension JSONSchema {
    /// Whether every value passes (`{}`, `true`, or only ignored keywords).
    public var acceptsEverything: Bool { storage.acceptsEverything }

    /// Whether no value passes (`false`).
    public var rejectsEverything: Bool { storage.keywords.rejectsEverything }

    /// Whether the schema has a `type` keyword of its own.
    public var hasTypeKeyword: Bool { storage.keywords.hasTypeKeyword }

    /// The types a value may have, from `type` narrowed by `anyOf`, `oneOf` and `allOf`
    /// members' types; every type when nothing constrains it.
    public var types: SchemaTypeSet { storage.effectiveTypes }

    /// ``types`` without `null`: what a target picks a column type from.
    public var nonNullTypes: SchemaTypeSet { types.subtracting(.null) }

    /// Whether `null` passes this schema (so a column for it must be nullable).
    public var isNullable: Bool { isValid(.null) }

    /// `format`, whether or not validation checks it.
    public var format: SchemaFormat? { storage.keywords.format }

    /// `properties`, in schema order.
    public var properties: [Property] { storage.keywords.properties }

    /// The schema of the property called `name`, if `properties` lists it.
    public func property(_ name: String) -> JSONSchema? {
        var cursor = 0
        return storage.propertyTable.lookup(name, cursor: &cursor).flatMap { storage.propertyTable.entries[$0].schema }
    }

    /// `required`, in schema order.
    public var required: [String] { storage.keywords.required }

    /// `additionalProperties`; `.allowed` when absent.
    public var additionalProperties: AdditionalProperties { storage.keywords.additionalProperties }

    /// The schema every array element must match, when `items` is a single schema.
    public var items: JSONSchema? { storage.keywords.items }

    /// Per-position schemas, when `items` is a list (the tuple form); extra elements are unchecked.
    public var tupleItems: [JSONSchema]? { storage.keywords.tupleItems }

    /// `anyOf` members; empty when absent.
    public var anyOf: [JSONSchema] { storage.keywords.anyOf }
    /// `oneOf` members; empty when absent.
    public var oneOf: [JSONSchema] { storage.keywords.oneOf }
    /// `allOf` members; empty when absent.
    public var allOf: [JSONSchema] { storage.keywords.allOf }
    /// The `not` schema.
    public var not: JSONSchema? { storage.keywords.not }

    /// The schemas a value may take the shape of: the members of `anyOf` and `oneOf`, nested
    /// unions flattened, or just this schema when it has neither. A target picks the narrowest
    /// column type that holds all of them.
    public var alternatives: [JSONSchema] {
        let members = anyOf + oneOf
        guard !members.isEmpty else { return [self] }
        return members.flatMap(\.alternatives)
    }

    /// The fewest code points a string may have.
    public var minLength: Int? { storage.keywords.minLength }
    /// The most code points a string may have (a `varchar` length for a target).
    public var maxLength: Int? { storage.keywords.maxLength }
    /// `multipleOf`, exactly as written (`0.01` suggests a scale of 2).
    public var multipleOf: JSONNumber? { storage.keywords.multipleOf }
    /// The inclusive lower bound.
    public var minimum: JSONNumber? { storage.keywords.minimum?.number }
    /// The inclusive upper bound.
    public var maximum: JSONNumber? { storage.keywords.maximum?.number }
    /// The exclusive lower bound, whether written draft-4 style (`minimum` with
    /// `exclusiveMinimum: true`) or as a number.
    public var exclusiveMinimum: JSONNumber? { storage.keywords.exclusiveMinimum?.number }
    /// The exclusive upper bound, in either draft's spelling.
    public var exclusiveMaximum: JSONNumber? { storage.keywords.exclusiveMaximum?.number }

    /// The allowed values from `enum` (or `const`, as one value).
    public var enumValues: [JSONValue]? { storage.keywords.enumValues }
}
