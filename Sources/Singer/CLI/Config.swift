/// A connector's merged, validated settings, with typed getters.
///
/// Getters are lenient about representation where reference Python configs are: `int` and `bool`
/// also read strings such as `"80"` or `"true"`, which those taps accept.
///
/// ```swift
/// let config = try ConfigLoader(description: description).load(options.configPaths)
/// let clientID = try config.requiredString("client_id")
/// let isSandbox = config.bool("is_sandbox") ?? false
/// let quota = config.int("quota_percent_total") ?? 80
/// ```
public struct Config: Sendable, Hashable {
    /// The settings as a JSON object, in merge order.
    public var values: JSONObject
    /// For each top-level key, where its final value came from.
    public var sources: [String: ConfigSource]

    public init(_ values: JSONObject = [:], sources: [String: ConfigSource] = [:]) {
        self.values = values
        self.sources = sources
    }

    /// The raw value of `key`, `nil` when absent.
    public subscript(key: String) -> JSONValue? { values[key] }

    /// Whether `key` holds a non-null value.
    public func contains(_ key: String) -> Bool { values[key].map { !$0.isNull } ?? false }

    /// The string value of `key`; `nil` when absent, null or not a string.
    public func string(_ key: String) -> String? { values[key]?.stringValue }

    /// The integer value of `key` (an integral number or a string holding one).
    public func int(_ key: String) -> Int? {
        switch values[key] {
        case .number(let number): number.intValue
        case .string(let text): (try? SettingValueParser.parse(text, as: .integer).get())?.intValue
        default: nil
        }
    }

    /// The exact number value of `key` (a number or a string holding one).
    public func number(_ key: String) -> JSONNumber? {
        switch values[key] {
        case .number(let number): number
        case .string(let text): (try? SettingValueParser.parse(text, as: .number).get())?.numberValue
        default: nil
        }
    }

    /// The boolean value of `key` (a boolean, or `true/1/yes/on`, `false/0/no/off` as text).
    public func bool(_ key: String) -> Bool? {
        switch values[key] {
        case .bool(let flag): flag
        case .string(let text): (try? SettingValueParser.parse(text, as: .boolean).get())?.boolValue
        default: nil
        }
    }

    /// The array value of `key` when every element is a string (or the `a,b,c` form as text).
    public func stringArray(_ key: String) -> [String]? {
        switch values[key] {
        case .array(let elements):
            let strings = elements.compactMap(\.stringValue)
            return strings.count == elements.count ? strings : nil
        case .string(let text):
            return (try? SettingValueParser.parse(text, as: .array, itemType: .string).get())?.arrayValue?
                .compactMap(\.stringValue)
        default:
            return nil
        }
    }

    /// The object value of `key`.
    public func object(_ key: String) -> JSONObject? { values[key]?.objectValue }

    /// The string value of `key`, or ``ConfigError/missing(setting:)`` /
    /// ``ConfigError/wrongType(setting:expected:actual:source:)``.
    public func requiredString(_ key: String) throws(ConfigError) -> String {
        try required(key, as: .string) { $0.string(key) }
    }

    /// The integer value of `key`, or a ``ConfigError``.
    public func requiredInt(_ key: String) throws(ConfigError) -> Int {
        try required(key, as: .integer) { $0.int(key) }
    }

    /// The boolean value of `key`, or a ``ConfigError``.
    public func requiredBool(_ key: String) throws(ConfigError) -> Bool {
        try required(key, as: .boolean) { $0.bool(key) }
    }

    private func required<Value>(
        _ key: String, as type: SettingType, _ read: (Config) -> Value?
    ) throws(ConfigError) -> Value {
        guard let raw = values[key], !raw.isNull else { throw .missing(setting: key) }
        guard let value = read(self) else {
            throw .wrongType(setting: key, expected: type, actual: raw.typeName, source: sources[key])
        }
        return value
    }
}
