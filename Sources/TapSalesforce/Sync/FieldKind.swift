import Singer

/// How a field's values are turned into the JSON a RECORD carries, decided once per stream
/// from the field's Salesforce type (metadata `sf-type`, written by our discovery) or, for
/// catalogs from the Python tap that lack it, from the field's JSON Schema.
enum FieldKind: Sendable, Hashable {
    /// Text: REST strings pass through; Bulk text is JSON-escaped (empty → null, see README).
    case string
    /// `true`/`false`.
    case boolean
    /// Whole numbers; Bulk's `0.0` and `12.0` become `0` and `12`, as the Python tap does.
    case integer
    /// Any number, copied as written (never through `Double`).
    case number
    /// A datetime, normalised to UTC `YYYY-MM-DDTHH:MM:SS.ffffffZ` (singer-python's form, so
    /// bookmarks compare with states the Python tap wrote); a bare date becomes its midnight.
    case dateTime
    /// A date kept as `YYYY-MM-DD` (schema `format: date`).
    case date
    /// Compound address/location (REST only): an object, with any `attributes` removed.
    case compound
    /// `anyType`/formula fields without a type: REST values pass through; Bulk text is typed
    /// as the Python tap does (integer, number, `true`/`false`, else text; empty → null).
    case untyped

    /// The kind for a field with Salesforce type `sfType` (when known) and JSON Schema `schema`.
    init(sfType: String?, schema: JSONValue?) {
        if let sfType, let kind = Self(sfType: sfType, schema: schema) {
            self = kind
        } else {
            self = Self(schema: schema ?? .object([:]))
        }
    }

    private init?(sfType: String, schema: JSONValue?) {
        switch sfType.lowercased() {
        case "boolean": self = .boolean
        case "int", "long": self = .integer
        case "double", "currency", "percent": self = .number
        case "datetime": self = .dateTime
        // A Python-tap schema types dates as date-time; follow the schema so records validate.
        case "date": self = FieldKind.formats(of: schema).contains("date-time") ? .dateTime : .date
        case "address", "location": self = .compound
        case "anytype": self = .untyped
        case "id", "string", "picklist", "textarea", "phone", "url", "reference", "multipicklist", "combobox",
            "encryptedstring", "email", "complexvalue", "masterrecord", "datacategorygroupreference", "time",
            "json", "base64":
            self = .string
        default: return nil
        }
    }

    /// The kind a JSON Schema implies (`type`, `format`, or the Python tap's `anyOf` for dates).
    init(schema: JSONValue) {
        let types = Self.types(of: schema)
        let formats = Self.formats(of: schema)
        if formats.contains("date-time") {
            self = .dateTime
        } else if formats.contains("date") {
            self = .date
        } else if types.contains("object") {
            self = .compound
        } else if types.contains("boolean") {
            self = .boolean
        } else if types.contains("integer") {
            self = .integer
        } else if types.contains("number") {
            self = .number
        } else if types.contains("string") {
            self = .string
        } else {
            self = .untyped
        }
    }

    /// Every `type` named by the schema or its `anyOf`/`oneOf` branches, null excluded.
    private static func types(of schema: JSONValue?) -> Set<String> {
        guard let schema else { return [] }
        var names = Set<String>()
        switch schema["type"] {
        case .string(let name)?: names.insert(name)
        case .array(let list)?: names.formUnion(list.compactMap(\.stringValue))
        default: break
        }
        for key in ["anyOf", "oneOf"] {
            for branch in schema[key]?.arrayValue ?? [] { names.formUnion(types(of: branch)) }
        }
        names.remove("null")
        return names
    }

    /// Every `format` named by the schema or its `anyOf`/`oneOf` branches.
    private static func formats(of schema: JSONValue?) -> Set<String> {
        guard let schema else { return [] }
        var names = Set<String>()
        if let format = schema["format"]?.stringValue { names.insert(format) }
        for key in ["anyOf", "oneOf"] {
            for branch in schema[key]?.arrayValue ?? [] { names.formUnion(formats(of: branch)) }
        }
        return names
    }
}
