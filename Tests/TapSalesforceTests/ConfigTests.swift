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
