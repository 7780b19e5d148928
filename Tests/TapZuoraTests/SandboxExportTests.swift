import Foundation
import Singer
import Testing
import ZuoraSandbox

@Suite("Zuora sandbox: REST export")
struct SandboxExportTests {
    /// Creates an export, polls it to completion and downloads its file.
    static func export(_ query: String, client: ZuoraSandboxTestClient, token: String) async throws -> [[String]] {
        let created = try await client.call(.post, "/v1/object/export", token: token, json: JSONWriter.string(from: ["Format": "csv", "Query": .string(query)]))
        #expect(created.status == 200)
        #expect(created.json["Success"]?.boolValue == true)
        let id = try #require(created.json["Id"]?.stringValue)
        var job = JSONValue.null
        for _ in 0..<10 {
            job = try await client.call(.get, "/v1/object/export/\(id)", token: token).json
            if job["Status"]?.stringValue == "Completed" { break }
        }
        let fileID = try #require(job["FileId"]?.stringValue)
        return try await client.call(.get, "/v1/files/\(fileID)", token: token).csvRows()
    }

    @Test func adjacentWindowsSplitRowsWithTheBoundaryStampInTheLaterWindowOnly() async throws {
        try await ZuoraSandboxTestClient.with(ZuoraSandboxOptions(records: 80, exportPollsBeforeCompletion: 1)) { client in
            let token = try await client.login()
            let early = try await Self.export(
                "select Id, Amount, UpdatedDate from Payment where UpdatedDate >= '2024-01-01T00:00:00Z' and UpdatedDate < '2024-07-01T00:00:00Z'", client: client, token: token)
            let late = try await Self.export(
                "select Id, Amount, UpdatedDate from Payment where UpdatedDate >= '2024-07-01T00:00:00Z' and UpdatedDate < '2030-01-01T00:00:00Z'", client: client, token: token)
            #expect(early.first == ["Payment.Id", "Payment.Amount", "Payment.UpdatedDate"])
            let ids = early.dropFirst().map { $0[0] } + late.dropFirst().map { $0[0] }
            let truth = client.sandbox.store.records(of: "Payment")
            #expect(ids.count == truth.count)
            #expect(Set(ids).count == ids.count)
            // 2024-07-01T00:00:00Z is 2024-06-30T17:00:00 PDT in export files.
            #expect(late.dropFirst().contains { $0[2] == "2024-06-30T17:00:00.000-07:00" })
            #expect(!early.dropFirst().contains { $0[2] == "2024-06-30T17:00:00.000-07:00" })
        }
    }

    @Test func negativeAndManyDecimalAmountsArriveExactly() async throws {
        try await ZuoraSandboxTestClient.with { client in
            let token = try await client.login()
            let rows = try await Self.export("select Id, ChargeAmount, InvoiceId from InvoiceItem", client: client, token: token).dropFirst()
            let fields = client.sandbox.store.fieldNames(of: "InvoiceItem")
            let amount = try #require(fields.firstIndex(of: "ChargeAmount"))
            let truth = Dictionary(uniqueKeysWithValues: client.sandbox.store.records(of: "InvoiceItem").map { ($0.values[0].text ?? "", $0.values[amount].text ?? "") })
            #expect(rows.count == truth.count)
            #expect(rows.allSatisfy { truth[$0[0]] == $0[1] })
            #expect(rows.contains { $0[1].hasPrefix("-") })
            #expect(rows.contains { ($0[1].split(separator: ".").last?.count ?? 0) > 4 })
        }
    }

    @Test func invalidQueriesAndRestRejectedFieldsGet400InvalidValue() async throws {
        try await ZuoraSandboxTestClient.with { client in
            let token = try await client.login()
            for query in ["select Id from Nope", "select Id, Bogus from Account", "select Id, Currency from Invoice", "select from Account"] {
                let reply = try await client.call(.post, "/v1/object/export", token: token, json: JSONWriter.string(from: ["Format": "csv", "Query": .string(query)]))
                #expect(reply.status == 400, "\(query)")
                #expect(reply.json["Success"]?.boolValue == false)
                #expect(reply.json["Errors"]?[0]?["Code"]?.stringValue == "INVALID_VALUE")
            }
            let probe = try await client.call(.post, "/v1/object/export", token: token, json: #"{"Query":"select * from Account limit 1","Format":"csv"}"#)
            #expect(probe.json["Success"]?.boolValue == true)
        }
    }
}
