/// What a tap or target is: name, version, capabilities and settings. The `--about` and
/// `--version` output, environment variable names and config validation all come from it.
///
/// ```swift
/// let description = ConnectorDescription(
///     name: "tap-salesforce", version: "1.0.0",
///     description: "Singer tap for Salesforce",
///     capabilities: ["catalog", "discover", "properties", "state"],
///     settings: [
///         SettingDescription("client_id", type: .string, required: true, description: "Connected app client id"),
///         SettingDescription("start_date", type: .string, required: true, description: "Earliest date to sync"),
///     ])
/// description.environmentPrefix   // "TAP_SALESFORCE"
/// ```
public struct ConnectorDescription: Sendable, Hashable {
    /// The executable name: `tap-salesforce`, `target-postgres`.
    public var name: String
    public var version: String
    public var description: String
    /// Singer SDK capability names: `catalog`, `discover`, `state`, `about`, ...
    public var capabilities: [String]
    public var settings: [SettingDescription]

    public init(
        name: String, version: String, description: String, capabilities: [String] = [],
        settings: [SettingDescription] = []
    ) {
        self.name = name
        self.version = version
        self.description = description
        self.capabilities = capabilities
        self.settings = settings
    }

    /// The prefix of this connector's environment variables: the name upper-cased with `-` → `_`.
    public var environmentPrefix: String {
        name.uppercased().replacing("-", with: "_")
    }

    /// The environment variable for `setting`: `TAP_SALESFORCE_CLIENT_ID`.
    public func environmentVariable(for setting: SettingDescription) -> String {
        setting.environmentVariable(prefix: environmentPrefix)
    }

    /// The declared setting with this name, if any (exact match).
    public func setting(named name: String) -> SettingDescription? {
        settings.first { $0.name == name }
    }

    /// Names of the settings declared secret.
    public var secretSettingNames: Set<String> {
        Set(settings.filter(\.secret).map(\.name))
    }

    /// The `--version` line: `tap-salesforce v1.0.0, singer-swift v0.1.0`.
    public var versionLine: String {
        "\(name) v\(version), singer-swift v\(SingerSwift.version)"
    }
}

/// The toolkit itself.
public enum SingerSwift {
    /// The version reported as `sdk_version` in `--about` and in `--version`.
    public static let version = "0.1.0"
}
