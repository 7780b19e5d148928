/// The `--about` output of a connector in the three formats the Singer SDK offers.
///
/// ```swift
/// let about = AboutDocument(description: description)
/// print(about.render(.json))       // {"name": "tap-salesforce", "sdk_version": "singer-swift 0.1.0", ...}
/// print(about.render(.markdown))   // a settings table with each environment variable
/// ```
public struct AboutDocument: Sendable {
    public var description: ConnectorDescription

    public init(description: ConnectorDescription) { self.description = description }

    /// The document in `format`, ending without a newline.
    public func render(_ format: AboutFormat) -> String {
        switch format {
        case .text: text
        case .json: IndentedJSONText.string(from: .object(json))
        case .markdown: markdown
        }
    }

    /// The SDK's keys: `name`, `description`, `version`, `sdk_version`, `supported_python_versions`
    /// (always `null`: this is not a Python package), `capabilities` and `settings`.
    public var json: JSONObject {
        [
            "name": .string(description.name),
            "description": .string(description.description),
            "version": .string(description.version),
            "sdk_version": .string("singer-swift \(SingerSwift.version)"),
            "supported_python_versions": .null,
            "capabilities": .array(description.capabilities.map { .string($0) }),
            "settings": .object(settingsSchema),
        ]
    }

    /// Every setting as a JSON Schema object; secrets carry `secret` and `writeOnly`, and their
    /// defaults are never shown.
    public var settingsSchema: JSONObject {
        var properties = JSONObject()
        for setting in description.settings {
            var property: JSONObject = ["type": .string(setting.type.rawValue)]
            if setting.type == .array, let itemType = setting.itemType {
                property["items"] = ["type": .string(itemType.rawValue)]
            }
            property["description"] = .string(setting.description)
            if let defaultValue = setting.defaultValue, !setting.secret { property["default"] = defaultValue }
            if setting.secret {
                property["secret"] = true
                property["writeOnly"] = true
            }
            properties[setting.name] = .object(property)
        }
        return [
            "type": "object",
            "properties": .object(properties),
            "required": .array(description.settings.filter(\.required).map { .string($0.name) }),
        ]
    }

    /// Plain text: the connector, its capabilities, then each setting with its environment variable.
    public var text: String {
        var lines = [
            "Name: \(description.name)",
            "Description: \(description.description)",
            "Version: \(description.version)",
            "SDK Version: singer-swift \(SingerSwift.version)",
            "Capabilities:",
        ]
        lines += description.capabilities.map { "  - \($0)" }
        lines.append("Settings:")
        for setting in description.settings {
            lines.append("  - Name: \(setting.name)")
            lines.append("    Type: \(setting.type.rawValue)" + (setting.itemType.map { " of \($0.rawValue)" } ?? ""))
            lines.append("    Required: \(setting.required ? "yes" : "no")")
            if setting.secret { lines.append("    Secret: yes") }
            if let defaultValue = defaultText(setting) { lines.append("    Default: \(defaultValue)") }
            lines.append("    Environment Variable: \(description.environmentVariable(for: setting))")
            if !setting.description.isEmpty { lines.append("    Description: \(setting.description)") }
        }
        lines.append("Settings can also be read from the environment with --config ENV.")
        return lines.joined(separator: "\n")
    }

    /// Markdown: a heading, the capabilities and a settings table with environment variables.
    public var markdown: String {
        var lines = ["# `\(description.name)`", "", description.description, "", "Version \(description.version), built with singer-swift \(SingerSwift.version).", ""]
        lines += ["## Capabilities", ""]
        lines += description.capabilities.map { "* `\($0)`" }
        lines += ["", "## Settings", ""]
        lines.append("| Setting | Type | Required | Default | Environment variable | Description |")
        lines.append("|:--------|:-----|:--------:|:--------|:---------------------|:------------|")
        for setting in description.settings {
            let cells = [
                "`\(setting.name)`", setting.type.rawValue, setting.required ? "yes" : "no",
                defaultText(setting).map { "`\($0)`" } ?? "", "`\(description.environmentVariable(for: setting))`",
                (setting.secret ? "(secret) " : "") + setting.description,
            ]
            lines.append("| " + cells.map(Self.escapedCell).joined(separator: " | ") + " |")
        }
        lines += ["", "A full list of settings and capabilities is available by running: `\(description.name) --about`"]
        lines.append("Settings can be passed as environment variables with `--config ENV`.")
        return lines.joined(separator: "\n")
    }

    private func defaultText(_ setting: SettingDescription) -> String? {
        guard !setting.secret, let defaultValue = setting.defaultValue else { return nil }
        return defaultValue.stringValue ?? defaultValue.description
    }

    /// Pipes would end the cell and newlines the row.
    private static func escapedCell(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\n", with: " ")
    }
}
