/// Builds a connector's ``Config`` from its `--config` values, in order: each is a JSON file or
/// the word `ENV` (environment variables, plus a `.env` file). Later values override earlier ones
/// key by key at the top level, as in the Singer SDK. The result is then validated against the
/// declared settings: defaults filled in, required settings checked, types checked.
///
/// ```swift
/// let loader = ConfigLoader(description: description)   // process environment, ./.env
/// let config = try loader.load(["base.json", "ENV"])     // variables override base.json
/// ```
public struct ConfigLoader: Sendable {
    /// The `--config` value that means "read settings from the environment".
    public static let environmentMarker = "ENV"

    public var description: ConnectorDescription
    public var environment: [String: String]
    /// A `.env` file read for `ENV` (real variables win over it); `nil` to skip.
    public var dotEnvPath: String?

    public init(
        description: ConnectorDescription, environment: [String: String] = ProcessEnvironment.current,
        dotEnvPath: String? = ".env"
    ) {
        self.description = description
        self.environment = environment
        self.dotEnvPath = dotEnvPath
    }

    /// Merges `configValues` in order and validates the result.
    public func load(_ configValues: [String]) throws(ConfigError) -> Config {
        try validate(merge(configValues))
    }

    /// Merges `configValues` in order without validating.
    public func merge(_ configValues: [String]) throws(ConfigError) -> Config {
        var merged = Config()
        for value in configValues {
            let (values, source): (JSONObject, (String) -> ConfigSource)
            if value == Self.environmentMarker {
                let read = try EnvironmentSettings(description: description).read(try environmentWithDotEnv())
                values = read.values
                source = { read.sources[$0] ?? .environment(variable: "") }
            } else {
                values = try Self.readObject(value)
                source = { _ in .file(value) }
            }
            for member in values {
                merged.values[member.key] = member.value
                merged.sources[member.key] = source(member.key)
            }
        }
        return merged
    }

    /// Fills defaults, coerces strings holding numbers or booleans (as reference Python taps
    /// accept them; an empty one counts as unset), and reports every missing or mistyped
    /// setting at once.
    public func validate(_ config: Config) throws(ConfigError) -> Config {
        var config = config
        var missing: [ConfigError.MissingSetting] = []
        var problems: [ConfigError] = []
        for setting in description.settings {
            // An empty string where a number or boolean belongs means "unset", as the reference
            // Python taps read it (tap-salesforce's `"quota_percent_total": ""`).
            if case .string(let text)? = config.values[setting.name], [.integer, .number, .boolean].contains(setting.type),
                text.allSatisfy(\.isWhitespace)
            {
                config.values[setting.name] = nil
            }
            guard let value = config.values[setting.name], !value.isNull else {
                if let defaultValue = setting.defaultValue, !defaultValue.isNull {
                    config.values[setting.name] = defaultValue
                    config.sources[setting.name] = .defaultValue
                } else if setting.required {
                    missing.append(.init(name: setting.name, environmentVariable: description.environmentVariable(for: setting)))
                }
                continue
            }
            if setting.type.accepts(value) { continue }
            if case .string(let text) = value, [.integer, .number, .boolean].contains(setting.type),
                case .success(let coerced) = SettingValueParser.parse(text, as: setting.type)
            {
                config.values[setting.name] = coerced
                continue
            }
            problems.append(
                .wrongType(setting: setting.name, expected: setting.type, actual: value.typeName, source: config.sources[setting.name]))
        }
        if !missing.isEmpty { problems.insert(.missingSettings(missing), at: 0) }
        if problems.count == 1 { throw problems[0] }
        if !problems.isEmpty { throw .several(problems) }
        return config
    }

    /// The top-level object of the config file at `path`.
    public static func readObject(_ path: String) throws(ConfigError) -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONFile.read(path, role: "config")
        } catch {
            throw .file(error)
        }
        guard case .object(let object) = value else { throw .notAnObject(path: path, actualType: value.typeName) }
        return object
    }

    private func environmentWithDotEnv() throws(ConfigError) -> [String: String] {
        guard let dotEnvPath else { return environment }
        do {
            return try DotEnvFile.load(dotEnvPath).merging(environment) { _, real in real }
        } catch {
            throw .file(error)
        }
    }
}
