import Testing

@testable import Singer

@Suite struct AboutDocumentTests {
    let about = AboutDocument(description: CLITestFixtures.tap)

    @Test func jsonHasTheSDKKeysAndParses() throws {
        var parser = JSONParser()
        let parsed = try parser.parse(about.render(.json))
        #expect(parsed.objectValue?.keys == [
            "name", "description", "version", "sdk_version", "supported_python_versions", "capabilities", "settings",
        ])
        #expect(parsed["name"] == "tap-salesforce")
        #expect(parsed["version"] == "1.2.3")
        #expect(parsed["sdk_version"] == .string("singer-swift \(SingerSwift.version)"))
        #expect(parsed["supported_python_versions"] == .null)
        #expect(parsed["capabilities"]?[0] == "catalog")
    }

    @Test func settingsAreAJSONSchemaWithSecretsMarkedWriteOnly() throws {
        let settings = JSONValue.object(about.settingsSchema)
        #expect(settings["type"] == "object")
        #expect(settings["required"] == ["client_id", "client_secret", "start_date"])
        #expect(settings["properties"]?["client_secret"] == [
            "type": "string", "description": "Connected app secret", "secret": true, "writeOnly": true,
        ])
        #expect(settings["properties"]?["quota_percent_total"]?["default"] == 80)
        #expect(settings["properties"]?["streams"]?["items"] == ["type": "string"])
        #expect(settings["properties"]?.objectValue?.count == CLITestFixtures.tap.settings.count)
    }

    @Test func jsonIsIndentedLikeTheSDK() {
        #expect(about.render(.json).hasPrefix("{\n  \"name\": \"tap-salesforce\",\n  \"description\""))
        #expect(about.render(.json).contains("\"supported_python_versions\": null,\n  \"capabilities\": [\n    \"catalog\","))
    }

    @Test func textAndMarkdownListEveryEnvironmentVariable() {
        for format in [AboutFormat.text, .markdown] {
            let rendered = about.render(format)
            for setting in CLITestFixtures.tap.settings {
                #expect(rendered.contains("TAP_SALESFORCE_" + setting.name.uppercased()), "\(format) lacks \(setting.name)")
            }
        }
        #expect(about.text.contains("  - Name: start_date\n    Type: string\n    Required: yes"))
    }

    @Test func markdownIsATableWithEscapedPipes() {
        let lines = about.markdown.split(separator: "\n")
        #expect(lines.contains("| Setting | Type | Required | Default | Environment variable | Description |"))
        #expect(lines.contains("| `page_size` | integer | no |  | `TAP_SALESFORCE_PAGE_SIZE` | Records per request |"))
        #expect(about.markdown.contains("Ids \\| with a pipe"))
    }

    @Test func secretDefaultsAreNeverShown() {
        let description = ConnectorDescription(
            name: "tap-x", version: "1", description: "",
            settings: [SettingDescription("token", type: .string, secret: true, default: "dflt-secret", description: "")])
        let about = AboutDocument(description: description)
        for format in AboutFormat.allCases { #expect(!about.render(format).contains("dflt-secret")) }
    }

    @Test func versionLineNamesConnectorAndToolkit() {
        #expect(CLITestFixtures.tap.versionLine == "tap-salesforce v1.2.3, singer-swift v\(SingerSwift.version)")
    }
}
