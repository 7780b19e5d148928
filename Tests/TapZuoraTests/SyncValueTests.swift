import Foundation
import Singer
import Testing
@testable import TapZuora

@Suite struct SyncValueTests {
    func emit(_ csv: String, plan: StreamPlan, bookmark: String? = nil, chunkSize: Int = 7) throws -> (records: [JSONValue], highest: String) {
        var emitter = CSVRecordEmitter(plan: plan, timeExtracted: "2024-06-01T00:00:00.000000Z", bookmark: bookmark)
        let bytes = Array(csv.utf8)
        let messages = try SyncFixtures.capture { writer in
            // Small chunks: rows and quoted newlines straddle chunk boundaries.
            var parser = CSVParser()
            var start = 0
            while start < bytes.count {
                let end = min(start + chunkSize, bytes.count)
                try emitter.push(Data(bytes[start..<end]), parser: &parser, to: writer)
                start = end
            }
            try emitter.finish(parser: &parser, to: writer)
        }
        return (messages.map { $0["record"] ?? .null }, String(decoding: emitter.highestKey, as: UTF8.self))
    }

    @Test func valuesAreTypedFromTheSchemaAndHeadersMappedLikeThePythonTap() throws {
        let entry = try SyncFixtures.accountEntry(selecting: ["Status", "Balance", "AutoPay", "BillCycleDay", "LastInvoiceDate", "BillToContactId", "Deleted"])
        let plan = try StreamPlan(entry: entry)
        let csv = "Account.Deleted,Account.Id,Account.Status,Account.Balance,Account.AutoPay,Account.BillCycleDay,"
            + "Account.LastInvoiceDate,Account.UpdatedDate,BillToContact.Id\r\n"
            + #"false,A1,"Active, ""really""",-1234.5678901234,true,12,2024-01-01,2024-01-02T03:04:05-0800,C1"# + "\r\n"
            + "true,A2,\"multi\nline\",,,,,2024-01-03T00:00:00+0000,\r\n\n"
        let (records, highest) = try emit(csv, plan: plan)
        #expect(records.count == 2)
        #expect(records[0] == [
            "Deleted": false, "Id": "A1", "Status": "Active, \"really\"", "Balance": .number(JSONNumber("-1234.5678901234")!),
            "AutoPay": true, "BillCycleDay": 12, "LastInvoiceDate": "2024-01-01T00:00:00.000000Z",
            "UpdatedDate": "2024-01-02T11:04:05.000000Z", "BillToContactId": "C1",
        ])
        #expect(records[1] == [
            "Deleted": true, "Id": "A2", "Status": "multi\nline", "Balance": nil, "AutoPay": nil, "BillCycleDay": nil,
            "LastInvoiceDate": nil, "UpdatedDate": "2024-01-03T00:00:00.000000Z", "BillToContactId": "",
        ])
        #expect(highest == "2024-01-03T00:00:00.000000Z")
    }

    @Test func incrementalRowsBeforeTheBookmarkOrWithoutKeyAreSkipped() throws {
        let plan = try StreamPlan(entry: SyncFixtures.accountEntry(selecting: []))
        let csv = "Id,UpdatedDate\nA1,2023-12-31T23:59:59Z\nA2,\nA3,2024-01-01T00:00:00.000Z\nA4,2024-02-01T00:00:00Z\n"
        let (records, highest) = try emit(csv, plan: plan, bookmark: "2024-01-01T00:00:00Z")
        #expect(records.map { $0["Id"] } == ["A3", "A4"])
        #expect(highest == "2024-02-01T00:00:00.000000Z")
    }

    @Test func integerWithZeroFractionIsAcceptedButTextIsAnError() throws {
        let plan = try StreamPlan(entry: SyncFixtures.accountEntry(selecting: ["BillCycleDay"]))
        let (records, _) = try emit("Id,BillCycleDay,UpdatedDate\nA1,1.0,2024-01-01T00:00:00Z\n", plan: plan)
        #expect(records[0]["BillCycleDay"] == 1)
        #expect(throws: ZuoraError.self) { try emit("Id,BillCycleDay,UpdatedDate\nA1,one,2024-01-01T00:00:00Z\n", plan: plan) }
    }

    @Test func aRowOfTheWrongWidthIsAnErrorNamingTheRow() throws {
        let plan = try StreamPlan(entry: SyncFixtures.accountEntry(selecting: []))
        #expect {
            try emit("Id,UpdatedDate\nA1,2024-01-01T00:00:00Z,extra\n", plan: plan)
        } throws: { error in
            guard case ZuoraError.badRow(_, let row, _)? = error as? ZuoraError else { return false }
            return row == 2
        }
    }
}
