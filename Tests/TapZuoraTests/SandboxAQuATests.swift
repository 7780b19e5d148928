import Foundation
import Singer
import Testing
import ZuoraSandbox

@Suite("Zuora sandbox: AQuA")
struct SandboxAQuATests {
    static func firstFile(_ job: JSONValue, client: ZuoraSandboxTestClient, token: String) async throws -> [[String]] {
        let fileID = try #require(job["batches"]?[0]?["fileId"]?.stringValue)
        let reply = try await client.call(.get, "/v1/file/\(fileID)", token: token)
        #expect(reply.status == 200)
        #expect(reply.headers["Content-Type"]?.hasPrefix("text/csv") == true)
        return try reply.csvRows()
    }

    @Test func statelessJobExportsEveryAccountWithQuotedCommasAndNewlinesIntact() async throws {
        try await ZuoraSandboxTestClient.with { client in
            let token = try await client.login()
            let body = ZuoraSandboxTestClient.aquaBody(
                "select Id, Name, Notes, Balance, UpdatedDate, BillToContact.Id from Account order by UpdatedDate asc", project: nil, sandbox: client.sandbox)
            let job = try await client.runAQuA(body, token: token)
            #expect(job["status"]?.stringValue == "completed")
            let rows = try await Self.firstFile(job, client: client, token: token)
            #expect(rows.first == ["Id", "Name", "Notes", "Balance", "UpdatedDate", "BillToContact.Id"])
            let data = rows.dropFirst()
            let truth = client.sandbox.store.records(of: "Account")
            #expect(data.count == truth.count)
            #expect(job["batches"]?[0]?["recordCount"]?.intValue == truth.count)
            let fields = client.sandbox.store.fieldNames(of: "Account")
            let idIndex = try #require(fields.firstIndex(of: "Id")), notesIndex = try #require(fields.firstIndex(of: "Notes"))
            let billTo = try #require(fields.firstIndex(of: "BillToId"))
            var expected: [String: (notes: String, billTo: String)] = [:]
            for record in truth { expected[record.values[idIndex].text ?? ""] = (record.values[notesIndex].text ?? "", record.values[billTo].text ?? "") }
            for row in data {
                #expect(row.count == 6)
                #expect(expected[row[0]]?.notes == row[2])
                #expect(expected[row[0]]?.billTo == row[5])
            }
            #expect(data.contains { $0[2].contains("\n") })
            #expect(data.contains { $0[1].contains(",") && $0[1].contains("\"") })
            // Ordered by UpdatedDate, written in UTC with dateTimeUtc.
            let stamps = data.map { $0[4] }
            #expect(stamps == stamps.sorted())
            #expect(stamps.allSatisfy { $0.hasSuffix("+0000") })
        }
    }

    @Test func statefulSessionReturnsEverythingFirstThenOnlyChangesWithDeletedRows() async throws {
        try await ZuoraSandboxTestClient.with { client in
            let token = try await client.login()
            let body = ZuoraSandboxTestClient.aquaBody("select Id, LastName, UpdatedDate from Contact", project: "Contact_1", deleted: true, sandbox: client.sandbox)
            let first = try await client.runAQuA(body, token: token)
            #expect(first["batches"]?[0]?["full"]?.boolValue == true)
            let firstRows = try await Self.firstFile(first, client: client, token: token)
            #expect(firstRows.first == ["Contact.Deleted", "Id", "LastName", "UpdatedDate"])
            #expect(firstRows.count - 1 == client.sandbox.store.records(of: "Contact").count)
            #expect(firstRows.dropFirst().allSatisfy { $0[0] == "false" })

            let summary = client.sandbox.applyChanges()
            let second = try await client.runAQuA(body, token: token)
            #expect(second["batches"]?[0]?["full"]?.boolValue == false)
            let rows = try await Self.firstFile(second, client: client, token: token).dropFirst()
            let deleted = rows.filter { $0[0] == "true" }
            #expect(deleted.count == summary.deleted["Contact"])
            #expect(rows.count - deleted.count == summary.inserted["Contact"])

            let third = try await client.runAQuA(body, token: token)
            #expect(try await Self.firstFile(third, client: client, token: token).count == 1)
        }
    }

    @Test func incrementalTimeIsPacificAndSelectsRowsUpdatedAtOrAfterIt() async throws {
        try await ZuoraSandboxTestClient.with { client in
            let token = try await client.login()
            // 2024-06-30 17:00:00 Pacific (PDT) is 2024-07-01T00:00:00Z, the shared boundary stamp.
            let body = ZuoraSandboxTestClient.aquaBody(
                "select Id, UpdatedDate from Invoice order by UpdatedDate asc", project: "Invoice_1", incrementalTime: "2024-06-30 17:00:00", sandbox: client.sandbox)
            let job = try await client.runAQuA(body, token: token)
            let rows = try await Self.firstFile(job, client: client, token: token).dropFirst()
            let boundary: Int64 = 1_719_792_000
            let fields = client.sandbox.store.fieldNames(of: "Invoice")
            let updated = try #require(fields.firstIndex(of: "UpdatedDate"))
            let truth = client.sandbox.store.records(of: "Invoice").filter { ($0.values[updated].seconds ?? 0) >= boundary }
            #expect(rows.count == truth.count)
            #expect(rows.first?[1] == "2024-07-01T00:00:00+0000")
        }
    }

    @Test func errorsComeBackAsHTTP200WithAnIdAndAnAQuACode() async throws {
        try await ZuoraSandboxTestClient.with { client in
            let token = try await client.login()
            func submit(_ body: JSONValue) async throws -> JSONValue {
                let reply = try await client.call(.post, "/v1/batch-query/", token: token, json: JSONWriter.string(from: body))
                #expect(reply.status == 200)
                return reply.json
            }
            let syntax = try await submit(ZuoraSandboxTestClient.aquaBody("select * frm Account", project: nil, sandbox: client.sandbox))
            #expect(syntax["id"]?.stringValue != nil)
            #expect(syntax["errorCode"]?.stringValue == "90005")
            #expect(syntax["message"]?.stringValue == "There is a syntax error in one of the queries in the AQuA input.")
            let unknownObject = try await submit(ZuoraSandboxTestClient.aquaBody("select * from NotificationHistoryCallout limit 1", project: nil, sandbox: client.sandbox))
            #expect(unknownObject["errorCode"]?.stringValue == "90005")
            let stateless = try await submit(ZuoraSandboxTestClient.aquaBody("select Id from Account", project: nil, deleted: true, sandbox: client.sandbox))
            #expect(stateless["errorCode"]?.stringValue == "90012")
            let partner = try await submit(ZuoraSandboxTestClient.aquaBody("select Id from Account", project: "p", partner: "someone-else", sandbox: client.sandbox))
            #expect(partner["errorCode"] != nil)
        }
    }

    @Test func probeJobCanBeDeletedBeforeItCompletes() async throws {
        try await ZuoraSandboxTestClient.with(ZuoraSandboxOptions(records: 10, aquaPollsBeforeCompletion: 2)) { client in
            let token = try await client.login()
            let body = ZuoraSandboxTestClient.aquaBody("select * from Account limit 1", project: nil, sandbox: client.sandbox)
            let submitted = try await client.call(.post, "/v1/batch-query/", token: token, json: JSONWriter.string(from: body)).json
            #expect(submitted["status"]?.stringValue == "submitted")
            let id = try #require(submitted["id"]?.stringValue)
            #expect(try await client.call(.get, "/v1/batch-query/jobs/\(id)", token: token).json["status"]?.stringValue == "executing")
            let cancelled = try await client.call(.delete, "/v1/batch-query/jobs/\(id)", token: token)
            #expect(cancelled.status == 200)
            #expect(cancelled.json["status"]?.stringValue == "cancelled")
            #expect(try await client.call(.get, "/v1/batch-query/jobs/\(id)", token: token).json["status"]?.stringValue == "cancelled")
        }
    }
}
