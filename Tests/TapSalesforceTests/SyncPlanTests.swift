import Foundation
import Logging
import Singer
import Testing

@testable import TapSalesforce

@Suite struct SyncPlanTests {
    static func instant(_ text: String) -> SyncInstant { SyncInstant(text)! }

    @Test func selectionFollowsSingerIOWithIdAndReplicationKeyAlwaysAndUnsupportedNever() throws {
        var parser = JSONParser()
        let entry = try CatalogEntry(json: parser.parse(#"""
            {"stream":"Account","tap_stream_id":"Account",
             "schema":{"type":"object","properties":{"Id":{"type":"string"},"Name":{"type":["null","string"]},
               "Secret__c":{"type":["null","string"]},"Blob":{},"Industry":{"type":["null","string"]},
               "Phone":{"type":["null","string"]},"SystemModstamp":{"type":["null","string"],"format":"date-time"}}},
             "metadata":[{"breadcrumb":[],"metadata":{"selected":true,"replication-key":"SystemModstamp","table-key-properties":["Id"]}},
               {"breadcrumb":["properties","Id"],"metadata":{"inclusion":"automatic"}},
               {"breadcrumb":["properties","Name"],"metadata":{"inclusion":"available","selected":true}},
               {"breadcrumb":["properties","Secret__c"],"metadata":{"inclusion":"available","selected":false}},
               {"breadcrumb":["properties","Blob"],"metadata":{"inclusion":"unsupported","selected":true}},
               {"breadcrumb":["properties","Industry"],"metadata":{"inclusion":"available"}},
               {"breadcrumb":["properties","Phone"],"metadata":{"inclusion":"available","selected-by-default":true}},
               {"breadcrumb":["properties","SystemModstamp"],"metadata":{"inclusion":"available"}}]}
            """#))
        let plain = try StreamPlan(entry: entry, selectFieldsByDefault: false)
        #expect(plain.fields.map(\.name) == ["Id", "Name", "Phone", "SystemModstamp"])
        #expect(plain.schema["properties"]?.objectValue?.keys == ["Id", "Name", "Phone", "SystemModstamp"])
        let byDefault = try StreamPlan(entry: entry, selectFieldsByDefault: true)
        #expect(byDefault.fields.map(\.name) == ["Id", "Name", "Industry", "Phone", "SystemModstamp"])
        #expect(byDefault.schemaMessage.keyProperties == ["Id"])
        #expect(byDefault.schemaMessage.bookmarkProperties == ["SystemModstamp"])
    }

    @Test func soqlTextForIncrementalWindowedBulkAndFullTable() throws {
        let entry = try syncTestEntry(fields: [("Id", ["type": "string"], "id"), ("Name", nullableString, "string"), ("SystemModstamp", dateTimeSchema, "datetime")])
        let plan = try StreamPlan(entry: entry, selectFieldsByDefault: false)
        let start = Self.instant("2021-01-03T00:00:00Z")
        #expect(SOQLQuery.text(plan: plan, window: DateWindow(start: start, end: nil), ordered: true)
            == "SELECT Id,Name,SystemModstamp FROM Account WHERE SystemModstamp >= 2021-01-03T00:00:00Z ORDER BY SystemModstamp ASC")
        let end = Self.instant("2021-02-01T12:30:00.250Z")
        #expect(SOQLQuery.text(plan: plan, window: DateWindow(start: start, end: end), ordered: false)
            == "SELECT Id,Name,SystemModstamp FROM Account WHERE SystemModstamp >= 2021-01-03T00:00:00Z AND SystemModstamp < 2021-02-01T12:30:00.250000Z")
        #expect(SOQLQuery.text(plan: plan, window: DateWindow(start: nil, end: nil), ordered: true)
            == "SELECT Id,Name,SystemModstamp FROM Account ORDER BY SystemModstamp ASC")
        let fullTable = try StreamPlan(entry: syncTestEntry("Contract", fields: [("Id", ["type": "string"], "id")], replicationKey: nil), selectFieldsByDefault: false)
        #expect(fullTable.replicationKey == nil)
        #expect(SOQLQuery.text(plan: fullTable, window: DateWindow(start: start, end: nil), ordered: true) == "SELECT Id FROM Contract")
    }

    @Test func windowHalvingFollowsThePythonArithmeticAndStopsAtOneDay() throws {
        let syncStart = Self.instant("2021-01-17T00:00:00Z")
        let first = DateWindow(start: Self.instant("2021-01-01T00:00:00Z"), end: nil)
        var halvings: [DateWindow] = []
        var window = first
        while let smaller = window.halved(syncStart: syncStart) {
            halvings.append(smaller)
            window = smaller
        }
        #expect(halvings.map { $0.end!.soqlLiteral } == ["2021-01-09T00:00:00Z", "2021-01-05T00:00:00Z", "2021-01-03T00:00:00Z", "2021-01-02T00:00:00Z"])
        #expect(halvings.allSatisfy { $0.start == first.start })
        // After a window of one day succeeds, the walk continues a day at a time, open at the end.
        let day = halvings[3].width(syncStart: syncStart)
        #expect(day == SyncInstant.microsecondsPerDay)
        var walked = [halvings[3]]
        while let next = walked.last!.following(width: day, syncStart: syncStart) { walked.append(next) }
        #expect(walked.count == 16)
        #expect(walked.last!.end == nil && walked.last!.start == Self.instant("2021-01-16T00:00:00Z"))
        for (earlier, later) in zip(walked, walked.dropFirst()) { #expect(earlier.end == later.start, "windows meet exactly") }
        // Odd widths: end - (end - start) / 2, rounded towards the end as Python's // on a timedelta.
        let odd = DateWindow(start: Self.instant("2021-01-01T00:00:00Z"), end: Self.instant("2021-01-04T00:00:00.000001Z"))
        #expect(odd.halved(syncStart: syncStart)?.end == Self.instant("2021-01-02T12:00:00.000001Z"))
    }

    @Test func bookmarkNeverPassesTheSyncStartNeverMovesBackAndBecomesTheStartWhenEmpty() throws {
        let rules = BookmarkRules(tapStreamID: "Account", replicationKey: "SystemModstamp", syncStart: Self.instant("2021-06-01T00:00:00Z"))
        var state = State(currentStreamKey: .currentStream)
        rules.advance(&state, highestKey: Array("2021-05-01T00:00:00.000000Z".utf8))
        #expect(state.bookmark(stream: "Account", key: "SystemModstamp") == "2021-05-01T00:00:00.000000Z")
        rules.advance(&state, highestKey: Array("2021-07-01T00:00:00.000000Z".utf8))
        #expect(state.bookmark(stream: "Account", key: "SystemModstamp") == "2021-06-01T00:00:00.000000Z", "capped at the sync start")
        rules.advance(&state, highestKey: Array("2021-04-01T00:00:00.000000Z".utf8))
        #expect(state.bookmark(stream: "Account", key: "SystemModstamp") == "2021-06-01T00:00:00.000000Z", "never back")

        var empty = State(currentStreamKey: .currentStream)
        rules.complete(&empty, highestKey: [])
        #expect(empty.bookmark(stream: "Account", key: "SystemModstamp") == "2021-06-01T00:00:00.000000Z")
    }

    @Test func queryStartIsTheBookmarkMinusLookbackElseStartDate() throws {
        var parser = JSONParser()
        let state = try State(json: parser.parse(#"{"bookmarks":{"Account":{"SystemModstamp":"2021-01-03T00:00:00.000000Z"}}}"#))
        let logger = Logger(label: "test")
        let startDate = Self.instant("2020-01-01T00:00:00Z")
        #expect(BookmarkRules.queryStart(state: state, tapStreamID: "Account", replicationKey: "SystemModstamp", lookbackSeconds: 3600, startDate: startDate, logger: logger)
            == Self.instant("2021-01-02T23:00:00Z"))
        #expect(BookmarkRules.queryStart(state: state, tapStreamID: "Contact", replicationKey: "SystemModstamp", lookbackSeconds: 3600, startDate: startDate, logger: logger)
            == startDate, "lookback never applies to start_date")
        #expect(BookmarkRules.queryStart(state: State(), tapStreamID: "Contact", replicationKey: "SystemModstamp", lookbackSeconds: 0, startDate: nil, logger: logger) == nil)
    }

    @Test func errorsClassifiedForWindowingAndBulkFallback() {
        #expect(StreamSync.isQueryTimeout(SalesforceError.api(status: 400, errorCode: "QUERY_TIMEOUT", message: "too long", endpoint: "GET /q")))
        #expect(StreamSync.isQueryTimeout(SyncError.bulkJobFailed(stream: "Task", jobID: "750", state: "Failed", message: "QUERY_TIMEOUT: Your query request was running for too long")))
        #expect(!StreamSync.isQueryTimeout(SalesforceError.api(status: 400, errorCode: "INVALID_FIELD", message: "", endpoint: "")))
        #expect(StreamSync.isBulkUnsupported(SalesforceError.api(status: 400, errorCode: "INVALIDENTITY", message: "Entity 'X' is not supported by the Bulk API.", endpoint: "")))
        #expect(StreamSync.isBulkUnsupported(SalesforceError.api(status: 400, errorCode: "API_ERROR", message: "Entity '01I5e000000Tag' is not supported by the Bulk API.", endpoint: "")))
        #expect(StreamSync.isBulkUnsupported(SyncError.bulkJobFailed(stream: "A", jobID: "1", state: "Failed", message: "FUNCTIONALITY_NOT_ENABLED: Selecting compound data not supported in Bulk Query")))
        #expect(!StreamSync.isBulkUnsupported(SalesforceError.quotaExceeded("quota")))
    }
}
