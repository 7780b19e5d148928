import Foundation
import Singer
import Testing
@testable import TapSalesforce

@Suite("Configuration")
struct ConfigTests {
    /// Loads settings the way the executable does: merged files, validated against the description.
    static func configuration(_ values: JSONObject) throws -> SalesforceConfiguration {
        let loader = ConfigLoader(description: SalesforceConfiguration.description, environment: [:], dotEnvPath: nil)
        return try SalesforceConfiguration(loader.validate(Config(values)))
    }

    @Test func pythonTapConfigWithStringFlagsAndEmptyQuotasLoads() throws {
        let configuration = try Self.configuration([
            "client_id": "id", "client_secret": "secret", "refresh_token": "refresh",
            "start_date": "2020-01-01T00:00:00Z", "api_type": "bulk", "select_fields_by_default": "true",
            "is_sandbox": "true", "quota_percent_total": "", "quota_percent_per_run": "", "lookback_window": "3600",
        ])
        guard case .refreshToken("id", "secret", "refresh") = configuration.credentials else {
            Issue.record("expected the refresh-token grant, got \(configuration.credentials)")
            return
        }
        #expect(configuration.apiType == .bulk)
        #expect(configuration.selectFieldsByDefault)
        #expect(configuration.loginURL == "https://test.salesforce.com")
        #expect(configuration.quotaPercentTotal == 80)
        #expect(configuration.quotaPercentPerRun == 25)
        #expect(configuration.lookbackWindow == 3600)
        #expect(configuration.startDateText == "2020-01-01T00:00:00Z")
        #expect(configuration.startDate == Date(timeIntervalSince1970: 1_577_836_800))
        #expect(configuration.apiVersion == "61.0")
    }
}

@Suite("Configuration: credentials and validation")
struct ConfigCredentialTests {
    @Test func passwordFlowAppendsNothingYetButKeepsTheSecurityToken() throws {
        let configuration = try ConfigTests.configuration([
            "client_id": "id", "client_secret": "secret", "username": "me@acme.com", "password": "pw",
            "security_token": "tok", "login_url": "acme.my.salesforce.com/",
        ])
        guard case .password("id", "secret", "me@acme.com", "pw", "tok") = configuration.credentials else {
            Issue.record("expected the password grant, got \(configuration.credentials)")
            return
        }
        #expect(configuration.loginURL == "https://acme.my.salesforce.com")
        #expect(configuration.tokenURL == "https://acme.my.salesforce.com/services/oauth2/token")
    }

    @Test func loginURLOverridesIsSandboxAndKeepsPlainHTTPForTestServers() throws {
        let configuration = try ConfigTests.configuration([
            "client_id": "id", "refresh_token": "r", "is_sandbox": true,
            "login_url": "http://127.0.0.1:8080/services/oauth2/token",
        ])
        #expect(configuration.loginURL == "http://127.0.0.1:8080")
        guard case .refreshToken("id", nil, "r") = configuration.credentials else {
            Issue.record("expected a refresh grant without client_secret, got \(configuration.credentials)")
            return
        }
    }

    @Test func privateKeyIsReadFromAPathAndWinsOverARefreshToken() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tap-sf-key-\(UUID().uuidString).pem").path
        let pem = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
        try Data(pem.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try ConfigTests.configuration([
            "client_id": "id", "username": "me@acme.com", "private_key": .string(path), "refresh_token": "r",
        ])
        guard case .jwt("id", "me@acme.com", let key) = configuration.credentials else {
            Issue.record("expected the JWT grant, got \(configuration.credentials)")
            return
        }
        #expect(key == pem)
    }

    @Test func privateKeyWithEscapedNewlinesIsUnflattened() throws {
        let configuration = try ConfigTests.configuration([
            "client_id": "id", "username": "u", "private_key": "-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----",
        ])
        guard case .jwt(_, _, let key) = configuration.credentials else {
            Issue.record("expected the JWT grant")
            return
        }
        #expect(key == "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")
    }

    @Test func missingCredentialsNameTheSettingAndExitWithUsageStatus() throws {
        let error = try #require(throws: ConfigError.self) {
            try ConfigTests.configuration(["client_id": "id", "start_date": "2020-01-01T00:00:00Z"])
        }
        #expect(error.description.contains("'refresh_token'"))
        #expect(ConnectorRunner.exitStatus(for: error) == .usage)
    }

    @Test func unreadablePrivateKeyPathNamesPrivateKey() throws {
        let error = try #require(throws: ConfigError.self) {
            try ConfigTests.configuration(["client_id": "id", "username": "u", "private_key": "/nonexistent/key.pem"])
        }
        #expect(error.description.contains("'private_key'"))
    }

    @Test func everyInvalidSettingIsReportedAtOnce() throws {
        let error = try #require(throws: ConfigError.self) {
            try ConfigTests.configuration([
                "client_id": "id", "refresh_token": "r", "api_type": "SOAP", "start_date": "last tuesday",
                "api_version": "sixty", "quota_percent_total": 0, "lookback_window": -5,
            ])
        }
        for setting in ["api_type", "start_date", "api_version", "quota_percent_total", "lookback_window"] {
            #expect(error.description.contains("'\(setting)'"), "no complaint about \(setting) in: \(error)")
        }
    }

    @Test(arguments: [("BULK2", SalesforceConfiguration.APIType.bulk), ("rest", .rest), ("Bulk", .bulk)])
    func apiTypeIsCaseInsensitiveAndAcceptsBulk2(text: String, expected: SalesforceConfiguration.APIType) throws {
        let configuration = try ConfigTests.configuration(["client_id": "id", "refresh_token": "r", "api_type": .string(text)])
        #expect(configuration.apiType == expected)
    }

    @Test(arguments: [("61", "61.0"), ("v62.0", "62.0"), ("59.0", "59.0")])
    func apiVersionAcceptsCommonSpellings(text: String, expected: String) throws {
        let configuration = try ConfigTests.configuration(["client_id": "id", "refresh_token": "r", "api_version": .string(text)])
        #expect(configuration.apiVersion == expected)
    }

    @Test(arguments: [
        ("2020-01-01", 1_577_836_800.0), ("2020-01-01 00:00:00", 1_577_836_800), ("2020-01-01T01:00:00+01:00", 1_577_836_800),
        ("2021-02-03T04:05:06.500000Z", 1_612_325_106.5), ("2021-02-03T04:05:06.000+0000", 1_612_325_106),
    ])
    func startDateAcceptsDateutilLikeForms(text: String, seconds: Double) throws {
        let configuration = try ConfigTests.configuration(["client_id": "id", "refresh_token": "r", "start_date": .string(text)])
        #expect(configuration.startDate == Date(timeIntervalSince1970: seconds))
        #expect(configuration.startDateText == text)
    }

    @Test func sdkStyleExtrasHaveDefaultsAndAcceptSeconds() throws {
        let defaults = try ConfigTests.configuration(["client_id": "id", "refresh_token": "r"])
        #expect(defaults.bulkPollInterval == .seconds(5))
        #expect(defaults.requestTimeout == .seconds(300))
        #expect(defaults.maxAttempts == 5)
        #expect(defaults.startDate == nil)
        let custom = try ConfigTests.configuration([
            "client_id": "id", "refresh_token": "r", "bulk_poll_interval": 0.25, "bulk_poll_timeout": "60",
            "streams_to_discover": ["Account", "Opportunity"],
        ])
        #expect(custom.bulkPollInterval == .milliseconds(250))
        #expect(custom.bulkPollTimeout == .seconds(60))
        #expect(custom.streamsToDiscover == ["Account", "Opportunity"])
    }

    @Test func aboutMarksEveryCredentialSecret() {
        let description = SalesforceConfiguration.description
        #expect(description.secretSettingNames == ["client_secret", "refresh_token", "password", "security_token", "private_key"])
        #expect(Set(description.capabilities) == ["catalog", "properties", "discover", "state", "about", "test"])
    }
}
