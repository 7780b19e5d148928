/// Builds ``JSONSchema`` values from JSON, checking each keyword's shape and resolving local
/// `$ref`s against the document being parsed.
struct SchemaParser {
    /// The whole schema document, which `#/definitions/…` pointers are read from.
    let document: JSONValue
    /// `$ref`s being expanded right now, to turn a recursive reference into an error.
    private var referencesInProgress: [String] = []
    /// Schema objects built so far; a cap keeps nested `$ref`s from multiplying without bound.
    private var nodeCount = 0
    private static let maximumNodeCount = 100_000

    init(document: JSONValue) { self.document = document }

    mutating func parse(_ json: JSONValue, at path: JSONPath) throws(SchemaError) -> JSONSchema {
        nodeCount += 1
        guard nodeCount <= Self.maximumNodeCount else {
            throw SchemaError(path: path, reason: "schema has more than \(Self.maximumNodeCount) subschemas once $refs are expanded")
        }
        switch json {
        case .bool(true):
            return JSONSchema(json: json, keywords: SchemaKeywords())
        case .bool(false):
            var keywords = SchemaKeywords()
            keywords.rejectsEverything = true
            return JSONSchema(json: json, keywords: keywords)
        case .object(let object):
            if let reference = object["$ref"] {
                return try resolve(reference, at: path.appending(key: "$ref"))
            }
            return JSONSchema(json: json, keywords: try parseKeywords(object, at: path))
        default:
            throw SchemaError(path: path, reason: "a schema must be an object or a boolean, got \(ValueSummary.typed(json))")
        }
    }

    private mutating func parseKeywords(_ object: JSONObject, at path: JSONPath) throws(SchemaError) -> SchemaKeywords {
        var keywords = SchemaKeywords()
        for member in object {
            let keywordPath = path.appending(key: member.key)
            let value = member.value
            switch member.key {
            case "type":
                keywords.types = try Self.parseTypes(value, at: keywordPath)
                keywords.hasTypeKeyword = true
            case "properties":
                keywords.properties = try parseProperties(value, at: keywordPath)
            case "required":
                keywords.required = try Self.parseRequired(value, at: keywordPath)
            case "additionalProperties":
                if case .bool(let allowed) = value {
                    keywords.additionalProperties = allowed ? .allowed : .forbidden
                } else {
                    keywords.additionalProperties = .schema(try parse(value, at: keywordPath))
                }
            case "patternProperties":
                guard case .object = value else { throw Self.expected("an object of schemas", value, at: keywordPath) }
                keywords.hasPatternProperties = true
            case "items":
                if case .array(let elements) = value {
                    keywords.tupleItems = try parseList(elements, at: keywordPath)
                } else {
                    keywords.items = try parse(value, at: keywordPath)
                }
            case "anyOf": keywords.anyOf = try parseNonEmptyList(value, at: keywordPath)
            case "oneOf": keywords.oneOf = try parseNonEmptyList(value, at: keywordPath)
            case "allOf": keywords.allOf = try parseNonEmptyList(value, at: keywordPath)
            case "not": keywords.not = try parse(value, at: keywordPath)
            case "enum":
                guard case .array(let allowed) = value else { throw Self.expected("a list of values", value, at: keywordPath) }
                keywords.enumValues = allowed
            case "const":
                keywords.enumValues = [value]
            case "format":
                guard case .string(let name) = value else { throw Self.expected("a string", value, at: keywordPath) }
                keywords.format = SchemaFormat(name)
                keywords.formatCheck = switch keywords.format {
                case .dateTime: .dateTime
                case .date: .date
                case .time: .time
                default: .none
                }
            case "minLength": keywords.minLength = try Self.parseLength(value, at: keywordPath)
            case "maxLength": keywords.maxLength = try Self.parseLength(value, at: keywordPath)
            case "multipleOf":
                guard case .number(let number) = value, let divisor = ExactDivisor(number) else {
                    throw Self.expected("a number greater than 0", value, at: keywordPath)
                }
                keywords.multipleOf = number
                keywords.divisor = divisor
            case "minimum": keywords.minimum = try Self.parseBound(value, at: keywordPath)
            case "maximum": keywords.maximum = try Self.parseBound(value, at: keywordPath)
            case "exclusiveMinimum", "exclusiveMaximum":
                // Draft 4 writes a boolean that modifies minimum/maximum; handled below.
                if case .bool = value { continue }
                let bound = try Self.parseBound(value, at: keywordPath)
                if member.key == "exclusiveMinimum" { keywords.exclusiveMinimum = bound } else { keywords.exclusiveMaximum = bound }
            default:
                continue
            }
        }
        if object["exclusiveMinimum"] == .bool(true), let minimum = keywords.minimum {
            keywords.exclusiveMinimum = minimum
            keywords.minimum = nil
        }
        if object["exclusiveMaximum"] == .bool(true), let maximum = keywords.maximum {
            keywords.exclusiveMaximum = maximum
            keywords.maximum = nil
        }
        return keywords
    }

    // MARK: Keyword shapes

    private static func parseTypes(_ value: JSONValue, at path: JSONPath) throws(SchemaError) -> SchemaTypeSet {
        switch value {
        case .string(let name):
            return SchemaTypeSet(try parseTypeName(name, at: path))
        case .array(let names) where !names.isEmpty:
            var types = SchemaTypeSet()
            for (index, element) in names.enumerated() {
                guard case .string(let name) = element else {
                    throw expected("a type name", element, at: path.appending(index: index))
                }
                types.insert(SchemaTypeSet(try parseTypeName(name, at: path.appending(index: index))))
            }
            return types
        default:
            throw expected("a type name or a non-empty list of them", value, at: path)
        }
    }

    private static func parseTypeName(_ name: String, at path: JSONPath) throws(SchemaError) -> SchemaType {
        guard let type = SchemaType(rawValue: name) else {
            let known = SchemaTypeSet.all.description
            throw SchemaError(path: path, reason: "unknown type \(ValueSummary.compact(.string(name))) (expected \(known))")
        }
        return type
    }

    private mutating func parseProperties(_ value: JSONValue, at path: JSONPath) throws(SchemaError) -> [JSONSchema.Property] {
        guard case .object(let members) = value else { throw Self.expected("an object of schemas", value, at: path) }
        var properties: [JSONSchema.Property] = []
        properties.reserveCapacity(members.count)
        for member in members {
            let property = JSONSchema.Property(name: member.key, schema: try parse(member.value, at: path.appending(key: member.key)))
            // A repeated name keeps its first place and its last schema, as JSON objects do.
            if let index = properties.firstIndex(where: { $0.name == member.key }) {
                properties[index] = property
            } else {
                properties.append(property)
            }
        }
        return properties
    }

    private static func parseRequired(_ value: JSONValue, at path: JSONPath) throws(SchemaError) -> [String] {
        switch value {
        case .bool:
            // Draft 3 marked each property `required: true`; Singer never relied on it.
            return []
        case .array(let elements):
            var names: [String] = []
            for (index, element) in elements.enumerated() {
                guard case .string(let name) = element else {
                    throw expected("a property name", element, at: path.appending(index: index))
                }
                if !names.contains(name) { names.append(name) }
            }
            return names
        default:
            throw expected("a list of property names", value, at: path)
        }
    }

    private mutating func parseList(_ elements: [JSONValue], at path: JSONPath) throws(SchemaError) -> [JSONSchema] {
        var schemas: [JSONSchema] = []
        schemas.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            schemas.append(try parse(element, at: path.appending(index: index)))
        }
        return schemas
    }

    private mutating func parseNonEmptyList(_ value: JSONValue, at path: JSONPath) throws(SchemaError) -> [JSONSchema] {
        guard case .array(let elements) = value, !elements.isEmpty else {
            throw Self.expected("a non-empty list of schemas", value, at: path)
        }
        return try parseList(elements, at: path)
    }

    private static func parseLength(_ value: JSONValue, at path: JSONPath) throws(SchemaError) -> Int {
        guard let length = value.intValue, length >= 0 else { throw expected("a non-negative integer", value, at: path) }
        return length
    }

    private static func parseBound(_ value: JSONValue, at path: JSONPath) throws(SchemaError) -> SchemaKeywords.Bound {
        guard case .number(let number) = value, let exact = ExactDecimal(number) else {
            throw expected("a finite number", value, at: path)
        }
        return SchemaKeywords.Bound(number: number, exact: exact)
    }

    private static func expected(_ shape: String, _ value: JSONValue, at path: JSONPath) -> SchemaError {
        SchemaError(path: path, reason: "expected \(shape), got \(ValueSummary.typed(value))")
    }

    // MARK: $ref

    private mutating func resolve(_ reference: JSONValue, at path: JSONPath) throws(SchemaError) -> JSONSchema {
        guard case .string(let pointer) = reference else { throw Self.expected("a string", reference, at: path) }
        guard pointer.hasPrefix("#") else {
            throw SchemaError(path: path, reason: "cannot resolve \(ValueSummary.compact(reference)): only references within the schema (#/definitions/…, #/$defs/…) are supported; Singer expects $refs resolved before a SCHEMA is sent")
        }
        guard !referencesInProgress.contains(pointer) else {
            throw SchemaError(path: path, reason: "\(ValueSummary.compact(reference)) refers to itself; recursive schemas cannot be validated or mapped to columns")
        }
        var target = document
        var targetPath = JSONPath(root: path.root)
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let key = String(token).replacing("~1", with: "/").replacing("~0", with: "~")
            if case .array(let elements) = target, let index = Int(key), elements.indices.contains(index) {
                target = elements[index]
                targetPath = targetPath.appending(index: index)
            } else if case .object(let members) = target, let member = members[key] {
                target = member
                targetPath = targetPath.appending(key: key)
            } else {
                throw SchemaError(path: path, reason: "\(ValueSummary.compact(reference)) points to nothing in this schema")
            }
        }
        referencesInProgress.append(pointer)
        defer { referencesInProgress.removeLast() }
        return try parse(target, at: targetPath)
    }
}
