/// The keywords of one schema object after parsing, with the work validation would otherwise
/// repeat per record (decimal forms of bounds, the format's parser) done once.
struct SchemaKeywords: Sendable {
    /// A `minimum`/`maximum` bound in the form compared against record values.
    struct Bound: Sendable, Hashable {
        let number: JSONNumber
        let exact: ExactDecimal
    }

    /// Which parser, if any, a string must satisfy.
    enum FormatCheck: Sendable {
        case none, dateTime, date, time
    }

    /// The `false` schema.
    var rejectsEverything = false
    var types: SchemaTypeSet = .all
    var hasTypeKeyword = false
    var format: SchemaFormat?
    var formatCheck: FormatCheck = .none
    var minLength: Int?
    var maxLength: Int?
    var multipleOf: JSONNumber?
    var divisor: ExactDivisor?
    var minimum: Bound?
    var maximum: Bound?
    var exclusiveMinimum: Bound?
    var exclusiveMaximum: Bound?
    var enumValues: [JSONValue]?
    var properties: [JSONSchema.Property] = []
    var required: [String] = []
    var additionalProperties: JSONSchema.AdditionalProperties = .allowed
    /// `patternProperties` is not applied; when present, `additionalProperties` is skipped too,
    /// because without matching the patterns we cannot tell which members it covers.
    var hasPatternProperties = false
    var items: JSONSchema?
    var tupleItems: [JSONSchema]?
    var anyOf: [JSONSchema] = []
    var oneOf: [JSONSchema] = []
    var allOf: [JSONSchema] = []
    var not: JSONSchema?

    var checksStrings: Bool { formatCheck != .none || minLength != nil || maxLength != nil }

    var checksNumbers: Bool {
        divisor != nil || minimum != nil || maximum != nil || exclusiveMinimum != nil || exclusiveMaximum != nil
    }

    var checksObjects: Bool {
        !properties.isEmpty || !required.isEmpty || (additionalProperties != .allowed && !hasPatternProperties)
    }

    var checksArrays: Bool { items != nil || tupleItems != nil }

    var checksCombinations: Bool { !anyOf.isEmpty || !oneOf.isEmpty || !allOf.isEmpty || not != nil }

    /// `{}`, `true`, or only keywords we ignore: every value passes without looking.
    var acceptsEverything: Bool {
        !rejectsEverything && !hasTypeKeyword && !checksStrings && !checksNumbers && !checksObjects
            && !checksArrays && !checksCombinations && enumValues == nil
    }

    /// The types a value may have once `type` and the combinations are all taken into account.
    var effectiveTypes: SchemaTypeSet {
        if rejectsEverything { return [] }
        var result = types
        if !anyOf.isEmpty { result = Self.intersection(result, Self.union(anyOf)) }
        if !oneOf.isEmpty { result = Self.intersection(result, Self.union(oneOf)) }
        for member in allOf { result = Self.intersection(result, member.types) }
        return result
    }

    private static func union(_ schemas: [JSONSchema]) -> SchemaTypeSet {
        schemas.reduce(into: SchemaTypeSet()) { $0.formUnion($1.types) }
    }

    /// The types both sets admit; `number` admits integers, so `number` meets `integer` at
    /// `integer` (`{"type":"number","anyOf":[{"type":"integer"}]}` holds integers).
    private static func intersection(_ lhs: SchemaTypeSet, _ rhs: SchemaTypeSet) -> SchemaTypeSet {
        var result = lhs.intersection(rhs)
        if lhs.contains(.number) && rhs.contains(.integer) || rhs.contains(.number) && lhs.contains(.integer) {
            result.insert(.integer)
        }
        return result
    }
}
