import Foundation
import Singer
import Testing
@testable import TapSalesforce

@Suite("Sforce-Limit-Info and quotas")
struct ClientQuotaTests {
    @Test func plainUsageHeaderParses() throws {
        let usage = try #require(APIUsage(header: "api-usage=18/5000"))
        #expect(usage.org == .init(used: 18, allotted: 5000))
        #expect(usage.bursts == nil)
        #expect(usage.perApp.isEmpty)
    }

    @Test func usageWithBurstsParsesWhereThePythonRegexGaveUp() throws {
        let usage = try #require(APIUsage(header: "api-usage=14000/15000; api-bursts=1/750"))
        #expect(usage.org == .init(used: 14000, allotted: 15000))
        #expect(usage.bursts == .init(used: 1, allotted: 750))
        #expect(abs((usage.percentUsed ?? 0) - 93.333) < 0.01)
    }

    @Test func perAppUsageKeepsTheAppName() throws {
        let usage = try #require(APIUsage(header: "api-usage=25/5000; per-app-api-usage=17/250(appName=sample-connected-app)"))
        #expect(usage.org == .init(used: 25, allotted: 5000))
        #expect(usage.perApp == [.init(appName: "sample-connected-app", count: .init(used: 17, allotted: 250))])
    }

    @Test(arguments: ["", "nonsense", "api-usage=abc/5000", "api-usage=1"])
    func unreadableHeadersAreIgnored(header: String) {
        #expect(APIUsage(header: header) == nil)
    }

    @Test func totalQuotaStopsAboveThePercentage() throws {
        var quota = QuotaGuard(percentTotal: 80, percentPerRun: 25)
        quota.record(try #require(APIUsage(header: "api-usage=12000/15000; api-bursts=1/750")))
        try quota.check()   // exactly 80 % is not more than 80 %
        quota.record(try #require(APIUsage(header: "api-usage=12001/15000; api-bursts=1/750")))
        let error = try #require(throws: SalesforceError.self) { try quota.check() }
        #expect(error.description.contains("quota_percent_total 80 %"))
        #expect(error.description.contains("12001 of its 15000"))
        #expect(error.exitStatus == .failure)
    }

    @Test func perRunQuotaCountsThisRunsRequests() throws {
        var quota = QuotaGuard(percentTotal: 80, percentPerRun: 1)
        quota.record(try #require(APIUsage(header: "api-usage=10/1000")))
        for _ in 0..<10 { quota.recordRequest() }
        try quota.check()   // 10 of 1000 = 1 %
        quota.recordRequest()
        let error = try #require(throws: SalesforceError.self) { try quota.check() }
        #expect(error.description.contains("quota_percent_per_run"))
        #expect(error.description.contains("11 API requests"))
    }

    @Test func perAppQuotaIsHeldToTheTotalPercentage() throws {
        var quota = QuotaGuard(percentTotal: 50, percentPerRun: 100)
        quota.record(try #require(APIUsage(header: "api-usage=25/5000; per-app-api-usage=200/250(appName=etl)")))
        let error = try #require(throws: SalesforceError.self) { try quota.check() }
        #expect(error.description.contains("'etl'"))
    }

    @Test func noReportedUsageMeansNoDecision() throws {
        var quota = QuotaGuard(percentTotal: 1, percentPerRun: 1)
        for _ in 0..<1000 { quota.recordRequest() }
        try quota.check()
    }

    @Test func limitsAcceptNumbersAndOldStringValues() {
        var parser = JSONParser()
        let json = try! parser.parse(#"""
            {"DailyApiRequests": {"Max": 15000, "Remaining": 14998},
             "DailyBulkV2QueryJobs": {"Max": "10000", "Remaining": "9000"}, "Other": {"Max": 1}}
            """#)
        let limits = OrgLimits(json: json)
        #expect(limits.dailyAPIRequests == .init(max: 15000, remaining: 14998))
        #expect(limits.dailyBulkQueryJobs?.name == "DailyBulkV2QueryJobs")
        #expect(limits.dailyBulkQueryJobs?.limit.percentUsed == 10)
        #expect(limits["Other"] == nil)
    }
}

@Suite("Salesforce error bodies")
struct ClientErrorTests {
    @Test func restErrorArrayGivesCodeAndMessage() {
        let body = SalesforceErrorBody(Data(#"[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]"#.utf8))
        #expect(body.errorCode == "INVALID_SESSION_ID")
        #expect(body.message == "Session expired or invalid")
    }

    @Test func severalErrorsKeepEveryMessage() {
        let body = SalesforceErrorBody(Data(#"""
            [{"message":"No such column 'Foo' on entity 'Account'","errorCode":"INVALID_FIELD","fields":["Foo"]},
             {"message":"No such column 'Bar' on entity 'Account'","errorCode":"INVALID_FIELD"}]
            """#.utf8))
        #expect(body.errorCode == "INVALID_FIELD")
        #expect(body.message.contains("'Foo'") && body.message.contains("'Bar'"))
    }

    @Test func bulkAndOAuthShapesAreRead() {
        #expect(SalesforceErrorBody(Data(#"{"exceptionCode":"InvalidJob","exceptionMessage":"Unable to find job"}"#.utf8)).errorCode == "InvalidJob")
        let oauth = SalesforceErrorBody(Data(#"{"error":"invalid_grant","error_description":"authentication failure"}"#.utf8))
        #expect(oauth.errorCode == "invalid_grant")
        #expect(oauth.message == "authentication failure")
    }

    @Test func nonJSONBodiesBecomeARedactedExcerpt() {
        let body = SalesforceErrorBody(Data("<html>Bad gateway access_token=abc123</html>".utf8))
        #expect(body.errorCode == "")
        #expect(body.message.contains("Bad gateway"))
        #expect(!body.message.contains("abc123"))
    }

    @Test func apiErrorDescriptionNamesStatusCodeEndpointAndAdvice() {
        let error = SalesforceError.api(
            status: 400, errorCode: "INVALID_FIELD", message: "field 'SystemModstamp' can not be filtered",
            endpoint: "GET https://x.my.salesforce.com/services/data/v61.0/queryAll?q=…")
        #expect(error.errorCode == "INVALID_FIELD")
        #expect(error.status == 400)
        #expect(error.description.contains("HTTP 400 INVALID_FIELD"))
        #expect(error.description.contains("/queryAll"))
        #expect(error.description.contains("--discover"))
    }

    @Test func authenticationFailuresAreConfigProblems() {
        #expect(SalesforceError.authentication("bad").exitStatus == .usage)
        #expect(SalesforceError.quotaExceeded("q").exitStatus == .failure)
    }
}
