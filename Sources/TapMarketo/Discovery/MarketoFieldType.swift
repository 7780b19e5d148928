import Singer

/// Marketo `dataType` values mapped to JSON Schema as singer-io tap-marketo maps them.
///
/// ```swift
/// MarketoFieldType.schema(for: "currency", nullable: true)   // {"type": ["null", "number"]}
/// MarketoFieldType.schema(for: "datetime", nullable: false)  // {"type": "string", "format": "date-time"}
/// ```
public enum MarketoFieldType {
    /// The JSON Schema type name for a Marketo data type.
    public static func jsonType(for dataType: String) -> String {
        switch dataType.lowercased() {
        case "datetime", "date", "string", "email", "reference", "url", "phone", "textarea", "text", "lead_function":
            "string"
        case "integer", "percent", "score": "integer"
        case "float", "currency": "number"
        case "boolean": "boolean"
        case "array": "array"
        default: "string"
        }
    }

    /// The property schema for a field of `dataType`.
    public static func schema(for dataType: String, nullable: Bool) -> JSONValue {
        let type = jsonType(for: dataType)
        let typeValue: JSONValue = nullable ? [.string("null"), .string(type)] : .string(type)
        var schema: JSONObject = ["type": typeValue]
        switch dataType.lowercased() {
        case "datetime", "date": schema["format"] = "date-time"
        case "array": schema["items"] = ["type": ["integer", "number", "string", "null"]]
        default: break
        }
        return .object(schema)
    }

    /// `"Client IP Address"` → `"client_ip_address"`: the Python tap's cleaning of activity type
    /// and attribute names (lower case, spaces to underscores, nothing else changed).
    public static func cleanName(_ name: String) -> String {
        name.lowercased().replacing(" ", with: "_")
    }
}
