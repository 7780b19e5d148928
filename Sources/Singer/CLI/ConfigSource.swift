/// Where a config value came from, so errors can point at the file or variable to fix.
public enum ConfigSource: Sendable, Hashable, CustomStringConvertible {
    case file(String)
    case environment(variable: String)
    /// The setting's declared default.
    case defaultValue

    public var description: String {
        switch self {
        case .file(let path): "config file '\(path)'"
        case .environment(let variable): "environment variable \(variable)"
        case .defaultValue: "the setting's default"
        }
    }
}
