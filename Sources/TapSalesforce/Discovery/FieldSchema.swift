import Singer

/// The JSON Schema of one Salesforce field, and whether the tap can sync it.
///
/// "The nillable field cannot be trusted" (the Python tap's rule): every field but `Id` is
/// nullable, whatever describe says. Unknown types are marked unsupported instead of failing
/// discovery.
///
/// ```swift
/// FieldSchema(type: "currency", name: "Amount").schema   // {"type":["null","number"]}
/// FieldSchema(type: "base64", name: "Body").unsupportedReason   // "binary data (base64) …"
/// ```
public struct FieldSchema: Sendable, Hashable {
    public var schema: JSONValue
    /// Why the field is `inclusion: unsupported`, or `nil` when it can be synced.
    public var unsupportedReason: String?

    /// Describe types that are strings in JSON.
    public static let stringTypes: Set<String> = [
        "id", "string", "picklist", "textarea", "phone", "url", "reference", "multipicklist", "combobox",
        "encryptedstring", "email", "complexvalue", "masterrecord", "datacategorygroupreference", "time",
    ]

    /// The schema for a field of describe type `type`; `bulk` marks compound fields unsupported,
    /// since Bulk queries refuse them ("Selecting compound data not supported in Bulk Query").
    public init(type: String, name: String, bulk: Bool = false) {
        let nullable = name != "Id"
        func scalar(_ jsonType: String, format: String? = nil) -> JSONValue {
            var object: JSONObject = ["type": nullable ? ["null", .string(jsonType)] : .string(jsonType)]
            if let format { object["format"] = .string(format) }
            return .object(object)
        }
        unsupportedReason = nil
        switch type {
        case _ where Self.stringTypes.contains(type): schema = scalar("string")
        case "boolean": schema = scalar("boolean")
        case "double", "currency", "percent": schema = scalar("number")
        case "int", "long": schema = scalar("integer")
        case "datetime": schema = scalar("string", format: "date-time")
        case "date": schema = scalar("string", format: "date")
        case "address":
            schema = Self.nullableObject([
                "street": "string", "city": "string", "state": "string", "stateCode": "string",
                "postalCode": "string", "country": "string", "countryCode": "string",
                "latitude": "number", "longitude": "number", "geocodeAccuracy": "string",
            ])
            if bulk {
                unsupportedReason = "compound address fields cannot be queried with the Bulk API; select its parts (such as BillingCity) instead"
            }
        case "location":
            schema = Self.nullableObject(["latitude": "number", "longitude": "number"])
            if bulk {
                unsupportedReason = "compound geolocation fields cannot be queried with the Bulk API; select its __Latitude__s and __Longitude__s parts instead"
            }
        case "anyType", "calculated":
            schema = .object([:])
        case "base64", "byte":
            schema = .object([:])
            unsupportedReason = "binary data (\(type)): queries return only a URL to the blob"
        case "json":
            schema = scalar("string")
            unsupportedReason = "json fields cannot be queried with SOQL"
        default:
            schema = .object([:])
            unsupportedReason = "Salesforce type '\(type)' is not known to this tap"
        }
    }

    /// `{"type": ["null", "object"], "properties": {…each nullable…}}`, properties in the given order.
    private static func nullableObject(_ properties: KeyValuePairs<String, String>) -> JSONValue {
        var members = JSONObject()
        for (name, type) in properties { members.append(key: name, value: ["type": ["null", .string(type)]]) }
        return ["type": ["null", "object"], "properties": .object(members)]
    }
}
