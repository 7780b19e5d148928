import Foundation
import Singer
import Testing
@testable import TapMarketo

@Suite struct EnvelopeTests {
    func envelope(_ text: String) throws -> MarketoEnvelope {
        try MarketoEnvelope(body: Data(text.utf8), endpoint: "rest/v1/test.json")
    }

    @Test func successWithResultAndPaging() throws {
        let parsed = try envelope(#"{"requestId":"e42b#1","success":true,"result":[{"id":1}],"moreResult":true,"nextPageToken":"ABC"}"#)
        #expect(parsed.success)
        #expect(parsed.result.count == 1)
        #expect(parsed.nextPageToken == "ABC")
        #expect(parsed.moreResult)
    }

    @Test func errorCodesAreReadWhetherQuotedOrNot() throws {
        let quoted = try envelope(#"{"requestId":"1","success":false,"errors":[{"code":"606","message":"Max rate limit '100' exceeded with in '20' secs"}]}"#)
        #expect(!quoted.success)
        #expect(quoted.hasError("606"))
        let bare = try envelope(#"{"success":false,"errors":[{"code":1029,"message":"Export daily quota exceeded"}]}"#)
        #expect(bare.hasError("1029"))
        #expect(bare.errors.first?.description == "1029: Export daily quota exceeded")
    }

    @Test func emptyBodyIsAnEmptySuccess() throws {
        let parsed = try envelope("")
        #expect(parsed.success)
        #expect(parsed.result.isEmpty)
    }

    @Test func warningsMayBeStringsOrObjects() throws {
        let strings = try envelope(#"{"success":true,"warnings":["No assets found for the given search criteria."]}"#)
        #expect(strings.warningMessages == ["No assets found for the given search criteria."])
        let objects = try envelope(#"{"success":true,"warnings":[{"code":"709","message":"No assets found for the given search criteria."}]}"#)
        #expect(objects.warningMessages.first?.contains("No assets found") == true)
    }

    @Test func anHTMLPageIsAnUnexpectedResponse() {
        #expect(throws: MarketoError.self) { try envelope("<html>Bad gateway</html>") }
    }

    @Test func quotaErrorsAreMarkedAsQuotaAndExitOne() {
        let exportQuota = MarketoError.exportQuotaExceeded(endpoint: "bulk/v1/leads/export/create.json", message: "Export daily quota exceeded")
        #expect(exportQuota.isQuota)
        #expect(exportQuota.code == "1029")
        #expect(exportQuota.exitStatus == .failure)
        #expect(MarketoError.dailyQuotaExceeded("607").isQuota)
        let other = MarketoError.api(code: "603", message: "Access denied", endpoint: "rest/v1/leads/describe.json")
        #expect(!other.isQuota)
        #expect(other.description.contains("603") && other.description.contains("Access denied"))
    }
}
