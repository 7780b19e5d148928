/// Reads a connector's settings from environment variables for `--config ENV`:
/// `<PREFIX>_<SETTING>`, e.g. `TAP_SALESFORCE_CLIENT_ID` → `client_id`, parsed by declared type.
///
/// Variable names are matched to declared settings ignoring case; variables with the prefix that
/// match no setting (such as `TAP_SALESFORCE_LOGLEVEL`) are ignored.
///
/// ```swift
/// let reader = EnvironmentSettings(description: description)
/// let (values, sources) = try reader.read(["TAP_SALESFORCE_START_DATE": "2024-01-01T00:00:00Z"])
/// values["start_date"]   // "2024-01-01T00:00:00Z"
/// ```
public struct EnvironmentSettings: Sendable {
    public var description: ConnectorDescription

    public init(description: ConnectorDescription) { self.description = description }

    /// The declared settings present in `environment`, in declaration order, with the variable
    /// each came from.
    public func read(
        _ environment: [String: String]
    ) throws(ConfigError) -> (values: JSONObject, sources: [String: ConfigSource]) {
        let prefix = description.environmentPrefix.uppercased() + "_"
        var variablesBySuffix: [String: [String]] = [:]
        for variable in environment.keys.sorted() where variable.uppercased().hasPrefix(prefix) {
            variablesBySuffix[String(variable.uppercased().dropFirst(prefix.count)), default: []].append(variable)
        }
        var values = JSONObject()
        var sources: [String: ConfigSource] = [:]
        var problems: [ConfigError] = []
        for setting in description.settings {
            let matches = variablesBySuffix[setting.name.uppercased()] ?? []
            // The conventional upper-case spelling wins over odd-cased duplicates.
            guard let variable = matches.first(where: { $0 == $0.uppercased() }) ?? matches.first,
                let text = environment[variable]
            else { continue }
            switch SettingValueParser.parse(text, as: setting.type, itemType: setting.itemType) {
            case .success(let value):
                values[setting.name] = value
                sources[setting.name] = .environment(variable: variable)
            case .failure(let failure):
                problems.append(
                    .invalidEnvironmentValue(
                        variable: variable, setting: setting.name, expected: setting.type,
                        reason: Self.reason(failure, text: text, secret: setting.secret)))
            }
        }
        if problems.count == 1 { throw problems[0] }
        if !problems.isEmpty { throw .several(problems) }
        return (values, sources)
    }

    /// The failure reason, quoting the offending text only when it is not a secret.
    private static func reason(_ failure: SettingValueParser.ParseFailure, text: String, secret: Bool) -> String {
        secret ? failure.reason : "'\(text)' is not valid; \(failure.reason)"
    }
}
