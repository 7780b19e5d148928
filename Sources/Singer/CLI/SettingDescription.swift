/// One setting a connector accepts: its name, JSON type, whether it is required or secret, its
/// default and what it is for. It drives config validation, `--config ENV` and `--about`.
///
/// ```swift
/// SettingDescription("client_secret", type: .string, required: true, secret: true,
///                    description: "OAuth client secret of the connected app")
/// SettingDescription("start_date", type: .string, required: true, description: "RFC 3339 start of the first sync")
/// SettingDescription("streams", type: .array, itemType: .string, description: "Streams to sync")
/// ```
public struct SettingDescription: Sendable, Hashable {
    public var name: String
    public var type: SettingType
    /// For arrays: the type of the elements, when they share one (`a,b,c` is accepted from the
    /// environment only for string arrays or arrays of unspecified items).
    public var itemType: SettingType?
    public var required: Bool
    /// Never printed, logged or echoed in errors.
    public var secret: Bool
    public var defaultValue: JSONValue?
    public var description: String

    public init(
        _ name: String, type: SettingType, itemType: SettingType? = nil, required: Bool = false,
        secret: Bool = false, default defaultValue: JSONValue? = nil, description: String
    ) {
        self.name = name
        self.type = type
        self.itemType = itemType
        self.required = required
        self.secret = secret
        self.defaultValue = defaultValue
        self.description = description
    }

    /// The environment variable read for this setting under `--config ENV`: `TAP_SALESFORCE_CLIENT_ID`.
    public func environmentVariable(prefix: String) -> String {
        prefix + "_" + name.uppercased()
    }
}

/// The JSON types a setting can have, named as in JSON Schema.
public enum SettingType: String, Sendable, Hashable, CaseIterable {
    case string, integer, number, boolean, object, array

    /// Whether `value` has this type (`integer` accepts any integral number, `number` any finite one).
    public func accepts(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.string, .string), (.boolean, .bool), (.object, .object), (.array, .array): true
        case (.integer, .number(let number)): number.isFinite && number.isIntegral
        case (.number, .number(let number)): number.isFinite
        default: false
        }
    }
}
