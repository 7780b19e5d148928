import Foundation
import Singer
import Testing
@testable import ZuoraSandbox

@Suite("Zuora sandbox: ZOQL and time")
struct SandboxZOQLTests {
    @Test func parsesTheQueriesExportClientsSend() throws {
        let aqua = try ZOQLParser.parse("select Id, Name, UpdatedDate, BillToContact.Id from Account order by UpdatedDate asc")
        #expect(aqua.fields == ["Id", "Name", "UpdatedDate", "BillToContact.Id"])
        #expect(aqua.object == "Account")
        #expect(aqua.orderBy.map(\.field) == ["UpdatedDate"])
        let rest = try ZOQLParser.parse("SELECT Id FROM Invoice WHERE UpdatedDate >= '2024-09-01T00:00:00Z' AND UpdatedDate < '2024-10-01T00:00:00Z'")
        #expect(rest.conditions.map(\.op) == [">=", "<"])
        #expect(rest.conditions.first?.literal == .string("2024-09-01T00:00:00Z"))
        let probe = try ZOQLParser.parse("select * from Payment limit 1")
        #expect(probe.fields == ["*"])
        #expect(probe.limit == 1)
        let quoted = try ZOQLParser.parse("select Id from Account where Name = 'O''Brien & Sons'")
        #expect(quoted.conditions.first?.literal == .string("O'Brien & Sons"))
    }

    @Test func refusesMalformedQueriesAndOr() {
        for text in ["select from Account", "select Id Account", "select Id from Account where", "select Id from Account where A = 'x' or B = 'y'", "select Id from Account where Name = 'open"] {
            #expect(throws: ZOQLError.self, "\(text)") { _ = try ZOQLParser.parse(text) }
        }
    }

    @Test func compiledQueriesResolveRelationsAndRejectUnknownFields() throws {
        let schema = ZuoraSchema.standard
        let query = try CompiledQuery(try ZOQLParser.parse("select Account.Name, BillToContact.Id from Account"), schema: schema)
        #expect(query.qualified == ["Account.Name", "BillToContact.Id"])
        #expect(throws: ZOQLError.unknownField(object: "Account", field: "BcdSettingOption")) {
            _ = try CompiledQuery(try ZOQLParser.parse("select BcdSettingOption from Account"), schema: schema)
        }
        #expect(throws: ZOQLError.unknownObject("Nope")) { _ = try CompiledQuery(try ZOQLParser.parse("select Id from Nope"), schema: schema) }
    }

    @Test func pacificTimeFollowsUSDaylightSavingRules() {
        // Winter: PST (−8); summer: PDT (−7); 2024 DST ran 2024-03-10 10:00Z to 2024-11-03 09:00Z.
        #expect(CivilTime.parse("2024-01-15 00:00:00", pacificWhenUnzoned: true) == CivilTime.parse("2024-01-15T08:00:00Z", pacificWhenUnzoned: false))
        #expect(CivilTime.parse("2024-06-30 17:00:00", pacificWhenUnzoned: true) == 1_719_792_000)
        #expect(CivilTime.pacificOffset(atUTC: CivilTime.seconds(year: 2024, month: 3, day: 10, hour: 9, minute: 59)) == -8 * 3600)
        #expect(CivilTime.pacificOffset(atUTC: CivilTime.seconds(year: 2024, month: 3, day: 10, hour: 10)) == -7 * 3600)
        #expect(CivilTime.pacificOffset(atUTC: CivilTime.seconds(year: 2024, month: 11, day: 3, hour: 9)) == -8 * 3600)
        #expect(CivilTime.parse("2024-01-02T03:04:05-0800", pacificWhenUnzoned: false) == CivilTime.parse("2024-01-02T11:04:05Z", pacificWhenUnzoned: false))
        #expect(CivilTime.parse("2024-01-02T03:04:05.123+01:00", pacificWhenUnzoned: false) == CivilTime.parse("2024-01-02T02:04:05Z", pacificWhenUnzoned: false))
        #expect(CivilTime.iso(1_719_792_000) == "2024-07-01T00:00:00Z")
        #expect(CivilTime.parse("2024-13-01", pacificWhenUnzoned: false) == nil)
    }

    @Test func amountsKeepEveryDigitAndTheirSign() {
        #expect(Amount.text(83_333_333_333) == "83.333333333")
        #expect(Amount.text(-Amount.cents(1_250)) == "-12.50")
        #expect(Amount.text(0) == "0.00")
    }

    @Test func changesEndpointAppliesARoundAndStatsReportIt() async throws {
        try await ZuoraSandboxTestClient.with(ZuoraSandboxOptions(records: 20)) { client in
            let reply = try await client.send(.post, "/_sandbox/changes")
            #expect(reply.status == 200)
            #expect(reply.json["round"]?.intValue == 1)
            #expect(reply.json["inserted"]?["Contact"]?.intValue == 2)
            #expect(client.sandbox.store.round == 1)
            let stats = try await client.send(.get, "/_sandbox/stats").json
            #expect(stats["round"]?.intValue == 1)
            #expect(stats["rows"]?["Account"]?.intValue == 20)
        }
    }
}
