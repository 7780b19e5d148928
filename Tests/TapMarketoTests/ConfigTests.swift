import Singer
import Testing
@testable import TapMarketo

@Suite struct ConfigTests {
    static func config(_ extra: JSONObject = [:]) -> Config {
        var values: JSONObject = [
            "endpoint": "https://123-ABC-456.mktorest.com/rest", "client_id": "id", "client_secret": "secret",
            "start_date": "2024-01-01T00:00:00Z",
        ]
        for member in extra { values[member.key] = member.value }
        return Config(values)
    }

    @Test func endpointAsTheAdminPageShowsItGivesRestBulkAndIdentityOnTheSameHost() throws {
        let configuration = try MarketoConfiguration(Self.config())
        #expect(configuration.restURL == "https://123-ABC-456.mktorest.com/rest")
        #expect(configuration.bulkURL == "https://123-ABC-456.mktorest.com/bulk")
        #expect(configuration.identityURL == "https://123-ABC-456.mktorest.com/identity")
    }

    @Test(arguments: [
        "https://123-ABC-456.mktorest.com/rest/", "https://123-ABC-456.mktorest.com/rest/v1",
        "https://123-ABC-456.mktorest.com", "123-ABC-456", "123-ABC-456.mktorest.com/rest",
    ])
    func endpointVariantsUsersPasteAllWork(endpoint: String) throws {
        let configuration = try MarketoConfiguration(Self.config(["endpoint": .string(endpoint)]))
        #expect(configuration.restURL == "https://123-ABC-456.mktorest.com/rest")
    }

    @Test func loopbackEndpointAndIdentityOverrideAreKept() throws {
        let configuration = try MarketoConfiguration(Self.config([
            "endpoint": "http://127.0.0.1:8080/rest", "identity": "http://127.0.0.1:9090/identity/",
        ]))
        #expect(configuration.restURL == "http://127.0.0.1:8080/rest")
        #expect(configuration.identityURL == "http://127.0.0.1:9090/identity")
    }

    @Test func defaultsFollowThePythonTap() throws {
        let configuration = try MarketoConfiguration(Self.config())
        #expect(configuration.maxDailyCalls == 40_000)
        #expect(configuration.userAgent == "Singer.io/tap-marketo")
        #expect(configuration.jobTimeout == .seconds(10_800))
        #expect(configuration.pollInterval == .seconds(300))
        #expect(configuration.requestTimeout == .seconds(300))
        #expect(configuration.maxExportDays == 30)
        #expect(configuration.startSeconds == 1_704_067_200)
    }

    @Test func stringValuesAndZeroTimeoutReadAsThePythonTapReadsThem() throws {
        let configuration = try MarketoConfiguration(Self.config([
            "max_daily_calls": "20000", "request_timeout": "0", "poll_interval": 0.5, "start_date": "2024-01-01",
        ]))
        #expect(configuration.maxDailyCalls == 20_000)
        #expect(configuration.requestTimeout == .seconds(300))
        #expect(configuration.pollInterval == .milliseconds(500))
        #expect(configuration.startSeconds == 1_704_067_200)
    }

    @Test func invalidValuesAreConfigErrors() {
        #expect(throws: ConfigError.self) { try MarketoConfiguration(Self.config(["max_export_days": 40])) }
        #expect(throws: ConfigError.self) { try MarketoConfiguration(Self.config(["max_daily_calls": 1])) }
        #expect(throws: ConfigError.self) { try MarketoConfiguration(Self.config(["start_date": "yesterday"])) }
        #expect(throws: ConfigError.self) { try MarketoConfiguration(Self.config(["endpoint": "not a url at all"])) }
        #expect(throws: ConfigError.self) { try MarketoConfiguration(Config(["endpoint": "123-ABC-456"])) }
    }

    @Test func clientSecretIsDeclaredSecret() {
        #expect(MarketoConfiguration.description.secretSettingNames == ["client_secret"])
        #expect(MarketoConfiguration.description.environmentPrefix == "TAP_MARKETO")
    }
}
