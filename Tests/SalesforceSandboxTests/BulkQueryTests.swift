import Foundation
import HTTP
import SalesforceSandbox
import Singer
import Testing

@Suite("Bulk API 2.0 query jobs")
struct BulkQueryTests {
    /// Polls until the job is complete; returns the states seen.
    func waitForCompletion(_ client: SandboxClient, token: String, id: String) async throws -> [String] {
        var states: [String] = []
        for _ in 0..<20 {
            let status = try await client.get("/services/data/v61.0/jobs/query/\(id)", token: token)
            let state = status.json["state"]?.stringValue ?? "?"
            states.append(state)
            if state == "JobComplete" { return states }
        }
        return states
    }

    @Test func lifecycleFromCreateToPagedCSVResults() async throws {
        try await withSandbox(SalesforceSandboxOptions(seed: 9, records: 1_000)) { client in
            let token = try await client.login()
            let created = try await client.json(.post, "/services/data/v61.0/jobs/query", token: token,
                                                body: ["operation": "queryAll", "query": "SELECT Id, Name, Amount, CloseDate, SystemModstamp, IsDeleted FROM Opportunity"])
            #expect(created.status == 200)
            #expect(created.json["state"]?.stringValue == "UploadComplete")
            #expect(created.json["object"]?.stringValue == "Opportunity")
            #expect(created.json["apiVersion"]?.numberValue?.doubleValue == 61.0)
            let id = try #require(created.json["id"]?.stringValue)
            #expect(id.hasPrefix("750") && id.count == 18)
            let states = try await waitForCompletion(client, token: token, id: id)
            #expect(states.last == "JobComplete")
            #expect(states.first == "InProgress" || states.first == "JobComplete")

            var locator: String?
            var rows: [String] = []
            var pages = 0
            repeat {
                let query = locator.map { "&locator=\($0)" } ?? ""
                let page = try await client.get("/services/data/v61.0/jobs/query/\(id)/results?maxRecords=300\(query)", token: token)
                #expect(page.status == 200)
                #expect(page.headers["Content-Type"] == "text/csv; charset=UTF-8")
                let lines = try CSVTestReader.rows(page.text)
                #expect(lines.first == ["Id", "Name", "Amount", "CloseDate", "SystemModstamp", "IsDeleted"])
                #expect(page.headers["Sforce-NumberOfRecords"] == String(lines.count - 1))
                rows += lines.dropFirst().map { $0[0] }
                locator = page.headers["Sforce-Locator"]
                pages += 1
            } while locator != "null" && pages < 10
            #expect(pages == 4)
            let truth = client.sandbox.store.records(of: "Opportunity", includeDeleted: true)
            #expect(rows.count == truth.count)
            #expect(Set(rows) == Set(truth.compactMap { $0["Id"]?.stringValue }))
            #expect(try await client.send(.delete, "/services/data/v61.0/jobs/query/\(id)", headers: ["Authorization": "Bearer \(token)"]).status == 204)
            #expect(try await client.get("/services/data/v61.0/jobs/query/\(id)", token: token).status == 404)
        }
    }

    @Test func csvQuotesEveryValueAndKeepsAwkwardTextIntact() async throws {
        try await withSandbox(SalesforceSandboxOptions(seed: 9, records: 2_000)) { client in
            let token = try await client.login()
            let invoices = try await client.json(.post, "/services/data/v61.0/jobs/query", token: token,
                                                 body: ["operation": "query", "query": "SELECT Id, Total__c, Exchange_Rate__c FROM Invoice__c"])
            let invoiceJob = try #require(invoices.json["id"]?.stringValue)
            _ = try await waitForCompletion(client, token: token, id: invoiceJob)
            let invoiceCSV = try await client.get("/services/data/v61.0/jobs/query/\(invoiceJob)/results", token: token).text
            // Numbers are plain decimals in CSV, even where REST JSON uses an exponent.
            #expect(invoiceCSV.contains("\"9999999999999999.99\""))
            #expect(!invoiceCSV.contains("E15"))
            let accounts = try await client.json(.post, "/services/data/v61.0/jobs/query", token: token,
                                                 body: ["operation": "query", "query": "SELECT Id, Name, Description, AnnualRevenue, CreatedDate, IsDeleted, Phone FROM Account", "lineEnding": "CRLF"])
            let id = try #require(accounts.json["id"]?.stringValue)
            _ = try await waitForCompletion(client, token: token, id: id)
            let page = try await client.get("/services/data/v61.0/jobs/query/\(id)/results", token: token)
            #expect(page.headers["Sforce-Locator"] == "null")
            let text = page.text
            #expect(text.hasPrefix("\"Id\",\"Name\",\"Description\""))
            #expect(text.contains("\r\n"))
            let rows = try CSVTestReader.rows(text, lineEnding: "\r\n")
            let truth = client.sandbox.store.records(of: "Account", includeDeleted: false)
            #expect(rows.count == truth.count + 1)
            let byID = Dictionary(uniqueKeysWithValues: truth.compactMap { record in record["Id"]?.stringValue.map { ($0, record) } })
            for row in rows.dropFirst() {
                let record = try #require(byID[row[0]])
                #expect(row[1] == record["Name"]?.stringValue)
                #expect(row[2] == (record["Description"]?.stringValue ?? ""))
                #expect(row[4].hasSuffix(".000Z") || row[4].dropFirst(19).hasPrefix(".") && row[4].hasSuffix("Z"))
                #expect(row[5] == "false")
            }
            #expect(rows.contains { $0[1].contains("\"") || $0[1].contains("\n") || $0[1].contains(",") })
            // Every value is quoted, including nulls.
            #expect(!text.contains(",,"))
        }
    }

    @Test func bulkRefusesCompoundFieldsUnsupportedObjectsAndBadQueries() async throws {
        try await withSandbox { client in
            let token = try await client.login()
            func create(_ soql: String) async throws -> Reply {
                try await client.json(.post, "/services/data/v61.0/jobs/query", token: token, body: ["operation": "query", "query": .string(soql)])
            }
            let compound = try await create("SELECT Id, BillingAddress FROM Account")
            #expect(compound.status == 400)
            #expect(compound.json[0]?["message"]?.stringValue == "Selecting compound data not supported in Bulk Query")
            let unsupported = try await create("SELECT Id FROM RecentlyViewed")
            #expect(unsupported.errorCode == "INVALIDENTITY")
            #expect(unsupported.json[0]?["message"]?.stringValue == "Entity 'RecentlyViewed' is not supported by the Bulk API.")
            #expect(try await create("SELECT Id FROM Account OFFSET 5").status == 400)
            #expect(try await create("SELECT Nope FROM Account").errorCode == "INVALID_FIELD")
        }
    }

    @Test func abortedJobsReportAbortedAndListedJobsIncludeThem() async throws {
        try await withSandbox { client in
            let token = try await client.login()
            let created = try await client.json(.post, "/services/data/v61.0/jobs/query", token: token,
                                                body: ["operation": "query", "query": "SELECT Id FROM Contact", "columnDelimiter": "PIPE"])
            let id = try #require(created.json["id"]?.stringValue)
            #expect(created.json["columnDelimiter"]?.stringValue == "PIPE")
            let aborted = try await client.json(.patch, "/services/data/v61.0/jobs/query/\(id)", token: token, body: ["state": "Aborted"])
            #expect(aborted.json["state"]?.stringValue == "Aborted")
            let results = try await client.get("/services/data/v61.0/jobs/query/\(id)/results", token: token)
            #expect(results.status == 400)
            let list = try await client.get("/services/data/v61.0/jobs/query", token: token)
            #expect(list.json["records"]?.arrayValue?.contains { $0["id"]?.stringValue == id } == true)
        }
    }
}

/// A strict reader for the sandbox's CSV: every field quoted, `""` inside quotes.
enum CSVTestReader {
    struct Malformed: Error {}

    static func rows(_ text: String, lineEnding: String = "\n", delimiter: Character = ",") throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var characters = Array(text)[...]
        let ending = Array(lineEnding)
        while let first = characters.first {
            guard first == "\"" else { throw Malformed() }
            characters = characters.dropFirst()
            field = ""
            while true {
                guard let character = characters.first else { throw Malformed() }
                characters = characters.dropFirst()
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters = characters.dropFirst()
                    } else {
                        break
                    }
                } else {
                    field.append(character)
                }
            }
            row.append(field)
            if characters.first == delimiter {
                characters = characters.dropFirst()
            } else if characters.starts(with: ending) {
                characters = characters.dropFirst(ending.count)
                rows.append(row)
                row = []
            } else {
                throw Malformed()
            }
        }
        return rows
    }
}
