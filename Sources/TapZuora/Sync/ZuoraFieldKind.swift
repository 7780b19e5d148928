import Singer

/// How a CSV value is typed for a RECORD, from the property's JSON Schema.
enum ZuoraFieldKind: Sendable, Hashable {
    case string, boolean, integer, number, dateTime

    /// The kind of `schema` (a catalog property, ours or the Python tap's); `nil` for one that
    /// names no type (the Python tap's unsupported `"type": null`), which is read as text.
    init(schema: JSONValue?) {
        var types: [String] = []
        switch schema?["type"] {
        case .string(let name)?: types = [name]
        case .array(let names)?: types = names.compactMap(\.stringValue)
        default: break
        }
        let format = schema?["format"]?.stringValue
        if types.contains("string") {
            self = format == "date-time" || format == "date" ? .dateTime : .string
        } else if types.contains("boolean") {
            self = .boolean
        } else if types.contains("integer") {
            self = .integer
        } else if types.contains("number") {
            self = .number
        } else {
            self = .string
        }
    }
}
