import Testing

@testable import Singer

@Suite struct ConfigLoaderTests {
    let fixtures = CLITestFixtures.self

    @Test func laterConfigFileOverridesEarlierKeyByKey() throws {
        let base = try fixtures.file(#"{"client_id": "base", "client_secret": "x", "start_date": "2020-01-01", "page_size": 100}"#)
        let override = try fixtures.file(#"{"client_id": "override", "extra_key": true}"#)
        let config = try fixtures.loader().load([base, override])
        #expect(config.string("client_id") == "override")
        #expect(config.int("page_size") == 100)
        #expect(config.bool("extra_key") == true)
        #expect(config.sources["client_id"] == .file(override))
        #expect(config.sources["page_size"] == .file(base))
    }

    @Test func environmentListedAfterFileWins() throws {
        let file = try fixtures.file(fixtures.completeConfig)
        let environment = ["TAP_SALESFORCE_CLIENT_ID": "from-env", "TAP_SALESFORCE_PAGE_SIZE": "250"]
        let config = try fixtures.loader(environment).load([file, "ENV"])
        #expect(config.string("client_id") == "from-env")
        #expect(config.int("page_size") == 250)
        #expect(config.sources["client_id"] == .environment(variable: "TAP_SALESFORCE_CLIENT_ID"))
    }

    @Test func fileListedAfterEnvironmentWins() throws {
        let file = try fixtures.file(fixtures.completeConfig)
        let config = try fixtures.loader(["TAP_SALESFORCE_CLIENT_ID": "from-env"]).load(["ENV", file])
        #expect(config.string("client_id") == "abc")
    }

    @Test func environmentValuesAreParsedByDeclaredType() throws {
        let environment = [
            "TAP_SALESFORCE_CLIENT_ID": "id", "TAP_SALESFORCE_CLIENT_SECRET": "s", "TAP_SALESFORCE_START_DATE": "2024-01-01",
            "TAP_SALESFORCE_PAGE_SIZE": "2000", "TAP_SALESFORCE_QUOTA_PERCENT_TOTAL": "12345678901234.99",
            "TAP_SALESFORCE_IS_SANDBOX": "yes", "TAP_SALESFORCE_STREAMS": "Account, Opportunity,User",
            "TAP_SALESFORCE_IDS": "[1, 2, 3]", "TAP_SALESFORCE_HEADERS": #"{"X-Trace": "on"}"#,
        ]
        let config = try fixtures.loader(environment).load(["ENV"])
        #expect(config["page_size"] == .number(JSONNumber(2000)))
        #expect(config.number("quota_percent_total")?.text == "12345678901234.99")
        #expect(config["is_sandbox"] == true)
        #expect(config.stringArray("streams") == ["Account", "Opportunity", "User"])
        #expect(config["ids"] == [1, 2, 3])
        #expect(config["headers"] == ["X-Trace": "on"])
        #expect(config["start_date"] == "2024-01-01")
    }

    @Test(arguments: [("true", true), ("1", true), ("YES", true), ("on", true),
                      ("false", false), ("0", false), ("No", false), ("off", false)])
    func booleanWordsFromEnvironment(_ text: String, _ expected: Bool) throws {
        let read = try EnvironmentSettings(description: fixtures.tap).read(["TAP_SALESFORCE_IS_SANDBOX": text])
        #expect(read.values["is_sandbox"] == .bool(expected))
    }

    @Test func invalidBooleanNamesTheVariableAndExitsWithUsageStatus() {
        #expect {
            try EnvironmentSettings(description: fixtures.tap).read(["TAP_SALESFORCE_IS_SANDBOX": "maybe"])
        } throws: { error in
            let text = String(describing: error)
            return text.contains("TAP_SALESFORCE_IS_SANDBOX") && text.contains("'maybe'") && text.contains("boolean")
                && ConnectorRunner.exitStatus(for: error) == .usage
        }
    }

    @Test func settingNamesMatchVariablesIgnoringCaseAndUnknownVariablesAreIgnored() throws {
        let read = try EnvironmentSettings(description: fixtures.tap).read([
            "TAP_SALESFORCE_START_DATE": "2024-01-01", "tap_salesforce_client_id": "lower",
            "TAP_SALESFORCE_LOGLEVEL": "debug", "TAP_SALESFORCE_UNKNOWN": "x", "OTHER_CLIENT_ID": "no",
        ])
        #expect(read.values.keys == ["client_id", "start_date"])
        #expect(read.values["client_id"] == "lower")
        #expect(read.sources["start_date"] == .environment(variable: "TAP_SALESFORCE_START_DATE"))
    }

    @Test func missingRequiredSettingsAreAllListedWithTheirVariables() throws {
        let file = try fixtures.file(#"{"client_id": "abc"}"#)
        #expect {
            try fixtures.loader().load([file])
        } throws: { error in
            let text = String(describing: error)
            return text.contains("client_secret (environment variable TAP_SALESFORCE_CLIENT_SECRET)")
                && text.contains("start_date (environment variable TAP_SALESFORCE_START_DATE)")
                && !text.contains("client_id (") && ConnectorRunner.exitStatus(for: error) == .usage
        }
    }

    @Test func wrongTypeNamesSettingExpectedTypeAndFile() throws {
        let file = try fixtures.file(#"{"client_id": "a", "client_secret": "b", "start_date": "c", "page_size": "lots"}"#)
        #expect {
            try fixtures.loader().load([file])
        } throws: { error in
            String(describing: error) == "setting 'page_size' from config file '\(file)' must be an integer, not a string"
        }
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let file = try fixtures.file(#"{"client_id": 7, "is_sandbox": [true]}"#)
        #expect {
            try fixtures.loader().load([file])
        } throws: { error in
            let lines = String(describing: error).split(separator: "\n")
            return lines.count == 3 && lines[0].hasPrefix("missing required settings")
                && lines[1].contains("'client_id'") && lines[2].contains("'is_sandbox'")
        }
    }

    @Test func numericAndBooleanStringsFromFilesAreCoercedLikePythonTapsAccept() throws {
        let file = try fixtures.file(
            #"{"client_id": "a", "client_secret": "b", "start_date": "c", "page_size": "500", "is_sandbox": "true"}"#)
        let config = try fixtures.loader().load([file])
        #expect(config["page_size"] == 500)
        #expect(config["is_sandbox"] == true)
    }

    @Test func defaultsFillAbsentSettings() throws {
        let config = try fixtures.loader().load([try fixtures.file(fixtures.completeConfig)])
        #expect(config["quota_percent_total"] == 80)
        #expect(config["is_sandbox"] == false)
        #expect(config.sources["is_sandbox"] == .defaultValue)
        #expect(config["page_size"] == nil)
    }

    @Test func invalidJSONConfigNamesFileAndOffset() throws {
        let file = try fixtures.file("{\n  \"client_id\": \"abc\",\n  oops\n}")
        #expect {
            try fixtures.loader().load([file])
        } throws: { error in
            String(describing: error).hasPrefix("config file '\(file)' is not valid JSON: at byte 26 (line 3, column 3):")
        }
    }

    @Test func configThatIsNotAnObjectSaysWhatItIs() throws {
        let file = try fixtures.file("[1, 2]")
        #expect(throws: ConfigError.notAnObject(path: file, actualType: "array")) { try fixtures.loader().load([file]) }
    }

    @Test func missingConfigFileIsNamed() {
        #expect {
            try fixtures.loader().load(["/nonexistent/tap.json"])
        } throws: { error in
            String(describing: error) == "config file '/nonexistent/tap.json' does not exist"
        }
    }

    @Test func secretsNeverAppearInConfigErrors() throws {
        let secret = fixtures.secretValue
        let badType = try fixtures.file(#"{"client_id": "a", "client_secret": ["\#(secret)"], "start_date": "c"}"#)
        let objectSetting = SettingDescription("service_account", type: .object, secret: true, description: "")
        let description = ConnectorDescription(name: "tap-x", version: "1", description: "", settings: [objectSetting])
        var messages: [String] = []
        do { _ = try fixtures.loader().load([badType]) } catch { messages.append(String(describing: error)) }
        do {
            _ = try EnvironmentSettings(description: description).read(["TAP_X_SERVICE_ACCOUNT": "{\(secret)"])
        } catch { messages.append(String(describing: error)) }
        #expect(messages.count == 2)
        for message in messages { #expect(!message.contains(secret), "leaked in: \(message)") }
    }

    @Test func dotEnvFileIsReadButRealEnvironmentWins() throws {
        let dotEnv = try fixtures.file(
            "# local settings\nexport TAP_SALESFORCE_CLIENT_ID=\"from-dotenv\"\nTAP_SALESFORCE_START_DATE=2023-01-01 # note\n",
            name: ".env")
        var loader = fixtures.loader(["TAP_SALESFORCE_CLIENT_ID": "real", "TAP_SALESFORCE_CLIENT_SECRET": "s"])
        loader.dotEnvPath = dotEnv
        let config = try loader.load(["ENV"])
        #expect(config.string("client_id") == "real")
        #expect(config.string("start_date") == "2023-01-01")
    }

    @Test func requiredGettersNameTheSetting() throws {
        let config = Config(["count": "12", "flag": "off", "name": 5], sources: ["name": .file("c.json")])
        #expect(config.int("count") == 12)
        #expect(config.bool("flag") == false)
        #expect(throws: ConfigError.missing(setting: "absent")) { try config.requiredString("absent") }
        #expect {
            try config.requiredString("name")
        } throws: { error in
            String(describing: error) == "setting 'name' from config file 'c.json' must be a string, not an integer"
        }
    }
}
