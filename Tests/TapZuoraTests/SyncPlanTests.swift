import Foundation
import Singer
import Testing
@testable import TapZuora

@Suite struct SyncPlanTests {
    @Test func aquaQuerySelectsFieldsInCatalogOrderWithJoinsAndOrdersByTheKey() throws {
        let plan = try StreamPlan(entry: SyncFixtures.accountEntry(selecting: ["Status", "Balance", "BillToContactId", "Deleted", "Query"]))
        #expect(ZOQL.aquaQuery(plan) == "select Id, Status, Balance, UpdatedDate, BillToContact.Id from Account order by UpdatedDate asc")
        #expect(plan.includesDeleted)
    }

    @Test func restQueryIsWindowedOnTheReplicationKeyInUTC() throws {
        let plan = try StreamPlan(entry: SyncFixtures.accountEntry(apiType: .rest, selecting: ["Status"]))
        #expect(ZOQL.restQuery(plan, from: "2024-09-01T00:00:00Z", to: "2024-10-01T00:00:00Z")
            == "select Id, Status, UpdatedDate from Account where UpdatedDate >= '2024-09-01T00:00:00Z' and UpdatedDate < '2024-10-01T00:00:00Z'")
        #expect(ZOQL.restQuery(plan) == "select Id, Status, UpdatedDate from Account")
    }

    @Test func aquaRequestBodyMatchesThePythonTapsWithIncrementalTime() throws {
        let plan = try StreamPlan(entry: SyncFixtures.accountEntry(selecting: ["Deleted"]))
        let body = AQuAJob.requestBody(plan: plan, partner: "mypartner", version: 1795948869, incrementalTime: "2023-12-31 16:00:00")
        let expected: JSONValue = [
            "name": "Account_1795948869", "partner": "mypartner", "project": "Account_1795948869", "format": "csv",
            "version": "1.2", "encrypted": "none", "useQueryLabels": "true", "dateTimeUtc": "true",
            "queries": [[
                "name": "Account_1795948869", "query": "select Id, UpdatedDate from Account order by UpdatedDate asc",
                "type": "zoqlexport", "deleted": ["column": "Deleted", "format": "Boolean"],
            ]],
            "incrementalTime": "2023-12-31 16:00:00",
        ]
        #expect(body == expected)
        let withoutDeleted = AQuAJob.requestBody(
            plan: try StreamPlan(entry: SyncFixtures.accountEntry(selecting: [])), partner: "p", version: 1, incrementalTime: nil)
        #expect(withoutDeleted["queries"]?[0]?["deleted"] == nil)
        #expect(withoutDeleted["incrementalTime"] == nil)
    }

    @Test func incrementalTimeIsPacificWithDaylightSavingOrUTC() throws {
        let winter = try #require(ZuoraTime("2024-01-01T00:00:00Z"))
        #expect(winter.incrementalTime(in: .usPacific) == "2023-12-31 16:00:00")
        #expect(winter.incrementalTime(in: .utc) == "2024-01-01 00:00:00")
        let summer = try #require(ZuoraTime("2024-07-01T12:00:00.000000Z"))
        #expect(summer.incrementalTime(in: .usPacific) == "2024-07-01 05:00:00")
        // 2024-03-10 02:00 PST = 10:00 UTC starts daylight saving; 2024-11-03 09:00 UTC ends it.
        #expect(try #require(ZuoraTime("2024-03-10T09:59:59Z")).incrementalTime(in: .usPacific) == "2024-03-10 01:59:59")
        #expect(try #require(ZuoraTime("2024-03-10T10:00:00Z")).incrementalTime(in: .usPacific) == "2024-03-10 03:00:00")
        #expect(try #require(ZuoraTime("2024-11-03T08:59:59Z")).incrementalTime(in: .usPacific) == "2024-11-03 01:59:59")
        #expect(try #require(ZuoraTime("2024-11-03T09:00:00Z")).incrementalTime(in: .usPacific) == "2024-11-03 01:00:00")
        #expect(winter.spacedUTC == "2024-01-01 00:00:00")
        #expect(winter.zoqlLiteral == "2024-01-01T00:00:00Z")
    }

    @Test func pythonTapStateIsKeptAndCompletedForNewStreams() throws {
        let python = """
            {"current_stream": "Invoice",
             "bookmarks": {
               "Account": {"version": 1795948869, "UpdatedDate": "2024-02-03T08:00:00.000000Z", "file_ids": null},
               "Invoice": {"version": 1795948869, "file_ids": ["F_123"]}}}
            """
        var parser = JSONParser()
        let state = try State(json: parser.parse(python))
        let account = try StreamPlan(entry: SyncFixtures.accountEntry(selecting: []))
        var invoice = account
        invoice.stream = "Invoice"
        invoice.object = "Invoice"
        invoice.replicationKey = nil
        var product = invoice
        product.stream = "Product"
        product.object = "Product"
        product.replicationKey = "UpdatedDate"
        let prepared = try ZuoraStatePreparation.prepare(
            state, plans: [account, invoice, product], startDate: "2024-01-01T00:00:00Z", now: 1_800_000_000)
        #expect(prepared.currentStream == "Invoice")
        #expect(prepared.bookmark(stream: "Account", key: "UpdatedDate") == "2024-02-03T08:00:00.000000Z")
        #expect(prepared.bookmark(stream: "Account", key: "version") == 1795948869)
        #expect(prepared.bookmark(stream: "Invoice", key: "file_ids") == ["F_123"])
        #expect(prepared.bookmark(stream: "Product", key: "version") == 1_800_000_000)
        #expect(prepared.bookmark(stream: "Product", key: "UpdatedDate") == "2024-01-01T00:00:00Z")
        #expect(prepared.json["current_stream"] == "Invoice")
    }

    @Test func legacyStateWithoutBookmarksIsConvertedAndDeselectedCurrentStreamCleared() throws {
        var parser = JSONParser()
        let legacy = try State(json: parser.parse(#"{"current_stream": "Gone", "Account": {"version": 5, "UpdatedDate": "2024-03-01T00:00:00Z"}}"#))
        let account = try StreamPlan(entry: SyncFixtures.accountEntry(selecting: []))
        let prepared = try ZuoraStatePreparation.prepare(legacy, plans: [account], startDate: "2024-01-01T00:00:00Z", now: 9)
        #expect(prepared.bookmark(stream: "Account", key: "UpdatedDate") == "2024-03-01T00:00:00Z")
        #expect(prepared.bookmark(stream: "Account", key: "version") == 5)
        #expect(prepared.currentStream == nil)
        #expect(prepared.json["Account"] == nil)
    }
}
