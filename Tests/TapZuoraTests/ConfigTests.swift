import Singer
import Testing
@testable import TapZuora

@Suite struct ConfigTests {
    static let python: JSONObject = [
        "start_date": "2024-01-01T00:00:00Z", "api_type": "AQUA", "username": "api@example.com",
        "password": "s3cret", "partner_id": "mypartner",
    ]

    func configuration(_ changes: JSONObject = [:]) throws -> ZuoraConfiguration {
        var values = Self.python
        for member in changes { values[member.key] = member.value.isNull ? nil : member.value }
        return try ZuoraConfiguration(Config(values))
    }

    @Test func pythonTapConfigSelectsAQuABasicAuthAndUSProductionHosts() throws {
        let configuration = try configuration()
        #expect(configuration.apiType == .aqua)
        #expect(configuration.partnerID == "mypartner")
        #expect(configuration.hostCandidates == ["https://rest.na.zuora.com/", "https://rest.zuora.com/"])
        #expect(configuration.incrementalTimeZone == .usPacific)
        guard case .basic(let username, let password) = configuration.credentials else {
            Issue.record("expected basic credentials")
            return
        }
        #expect(username == "api@example.com" && password == "s3cret")
    }

    @Test func anyAPITypeButRESTMeansAQuA() throws {
        #expect(try configuration(["api_type": "BULK"]).apiType == .aqua)
        #expect(try configuration(["api_type": "rest", "partner_id": nil]).apiType == .rest)
    }

    @Test func sandboxAndEuropeanAcceptTheStringTrueAndBooleans() throws {
        #expect(try configuration(["sandbox": "true"]).hostCandidates
            == ["https://rest.sandbox.na.zuora.com/", "https://rest.apisandbox.zuora.com/"])
        #expect(try configuration(["sandbox": true, "european": "true"]).hostCandidates == ["https://rest.sandbox.eu.zuora.com/"])
        let europe = try configuration(["european": "true"])
        #expect(europe.hostCandidates == ["https://rest.eu.zuora.com/"])
        #expect(europe.incrementalTimeZone == .utc)
        #expect(try configuration(["sandbox": "false"]).hostCandidates.first == "https://rest.na.zuora.com/")
    }

    @Test func baseURLOverridesTheDataCenterTable() throws {
        let configuration = try configuration(["base_url": "http://127.0.0.1:8080", "sandbox": "true"])
        #expect(configuration.hostCandidates == ["http://127.0.0.1:8080/"])
        #expect(throws: ConfigError.self) { try self.configuration(["base_url": "rest.zuora.com"]) }
    }

    @Test func oauthReadsUsernameAndPasswordAsTheClient() throws {
        let configuration = try configuration(["auth_type": "OAUTH"])
        guard case .oauth(let clientID, let secret) = configuration.credentials else {
            Issue.record("expected OAuth credentials")
            return
        }
        #expect(clientID == "api@example.com" && secret == "s3cret")
        #expect(throws: ConfigError.self) { try self.configuration(["auth_type": "SAML"]) }
    }

    @Test func aquaNeedsAPartnerIDAndEveryModeAStartDate() throws {
        #expect(throws: ConfigError.self) { try self.configuration(["partner_id": nil]) }
        #expect(throws: ConfigError.self) { try self.configuration(["start_date": nil]) }
        #expect(throws: ConfigError.self) { try self.configuration(["start_date": "yesterday"]) }
    }

    @Test func aboutListsThePythonTapKeysWithSecretsMarked() {
        let names = Set(ZuoraConfiguration.description.settings.map(\.name))
        for key in ["start_date", "api_type", "username", "password", "auth_type", "partner_id", "sandbox", "european", "base_url"] {
            #expect(names.contains(key), "\(key)")
        }
        #expect(ZuoraConfiguration.description.secretSettingNames == ["password", "client_secret"])
    }
}
