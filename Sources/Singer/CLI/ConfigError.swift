/// Why a connector's configuration cannot be used. Every case names the setting and where its
/// value came from; none ever includes the value of a secret. All exit with status 2.
public enum ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A required setting with its environment variable name, for the "missing" message.
    public struct MissingSetting: Sendable, Hashable {
        public var name: String
        public var environmentVariable: String

        public init(name: String, environmentVariable: String) {
            self.name = name
            self.environmentVariable = environmentVariable
        }
    }

    /// A `--config` file is missing, unreadable or not JSON.
    case file(JSONFileError)
    /// A `--config` file holds JSON that is not an object.
    case notAnObject(path: String, actualType: String)
    /// Required settings that no file, variable or default provides.
    case missingSettings([MissingSetting])
    /// A value of the wrong JSON type.
    case wrongType(setting: String, expected: SettingType, actual: String, source: ConfigSource?)
    /// An environment variable whose text does not parse as the setting's type.
    case invalidEnvironmentValue(variable: String, setting: String, expected: SettingType, reason: String)
    /// A required setting asked for by the connector at run time (``Config/requiredString(_:)``).
    case missing(setting: String)
    /// A setting whose value has the right type but is unusable (e.g. an unknown `api_type`).
    case invalidValue(setting: String, reason: String)
    /// An unknown log level name.
    case invalidLogLevel(source: String, value: String)
    /// Several problems at once, so one run reports everything to fix.
    case several([ConfigError])

    public var description: String {
        switch self {
        case .file(let error):
            error.description
        case .notAnObject(let path, let actualType):
            "config file '\(path)' must hold a JSON object of settings, not \(Self.article(actualType)) \(actualType)"
        case .missingSettings(let missing):
            "missing required "
                + (missing.count == 1 ? "setting: " : "settings: ")
                + missing.map { "\($0.name) (environment variable \($0.environmentVariable))" }
                .joined(separator: ", ")
                + (missing.count == 1 ? "; add it to a --config file, or export the variable" : "; add them to a --config file, or export the variables")
                + " and pass --config ENV"
        case .wrongType(let setting, let expected, let actual, let source):
            "setting '\(setting)'" + (source.map { " from \($0)" } ?? "")
                + " must be \(Self.article(expected.rawValue)) \(expected.rawValue), not \(Self.article(actual)) \(actual)"
        case .invalidEnvironmentValue(let variable, let setting, let expected, let reason):
            "environment variable \(variable) (setting '\(setting)') must be "
                + "\(Self.article(expected.rawValue)) \(expected.rawValue): \(reason)"
        case .missing(let setting):
            "missing required setting '\(setting)'"
        case .invalidValue(let setting, let reason):
            "setting '\(setting)' is invalid: \(reason)"
        case .invalidLogLevel(let source, let value):
            "invalid log level '\(value)' in \(source); use debug, info, warning, error or critical"
        case .several(let errors):
            errors.map(\.description).joined(separator: "\n")
        }
    }

    private static func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}

extension ConfigError: ExitStatusProviding {
    public var exitStatus: SingerExitStatus { .usage }
}
