import SalesforceSandbox
import Singer
import Testing

@Suite("REST query paging")
struct QueryPagingTests {
    @Test func everyRowArrivesExactlyOnceAcrossPagesIncludingSharedTimestamps() async throws {
        // 10,000 Opportunities: a block of 2,500 shares one SystemModstamp, spanning pages.
        try await withSandbox(SalesforceSandboxOptions(seed: 5, records: 10_000)) { client in
            let token = try await client.login()
            let soql = "SELECT Id,SystemModstamp,IsDeleted FROM Opportunity WHERE SystemModstamp >= 2023-01-01T00:00:00Z  ORDER BY SystemModstamp ASC"
            let (records, pages) = try await client.queryAllPages(soql, token: token, all: true)
            let truth = client.sandbox.store.records(of: "Opportunity", includeDeleted: true)
            #expect(pages == 5)
            let ids = records.compactMap { $0["Id"]?.stringValue }
            #expect(ids.count == truth.count)
            #expect(Set(ids).count == ids.count)
            #expect(Set(ids) == Set(truth.compactMap { $0["Id"]?.stringValue }))
            let stamps = records.compactMap { $0["SystemModstamp"]?.stringValue }
            #expect(stamps == stamps.sorted())
            let shared = stamps.filter { $0 == "2025-06-30T12:00:00.000+0000" }.count
            #expect(shared >= 2_500)
            #expect(records.first?["attributes"]?["type"]?.stringValue == "Opportunity")
        }
    }

    @Test func queryHidesSoftDeletedRowsAndQueryAllShowsThem() async throws {
        try await withSandbox { client in
            let token = try await client.login()
            let truth = client.sandbox.store.records(of: "Account", includeDeleted: true)
            let deleted = truth.filter { $0["IsDeleted"]?.boolValue == true }.count
            #expect(deleted > 0)
            let live = try await client.queryAllPages("SELECT Id, IsDeleted FROM Account", token: token)
            let all = try await client.queryAllPages("SELECT Id, IsDeleted FROM Account", token: token, all: true)
            #expect(live.records.count == truth.count - deleted)
            #expect(all.records.count == truth.count)
            #expect(live.records.allSatisfy { $0["IsDeleted"]?.boolValue == false })
            #expect(client.sandbox.store.records(of: "Account", includeDeleted: false).count == truth.count - deleted)
        }
    }

    @Test func batchSizeHeaderSetsThePageSizeWithinLimits() async throws {
        try await withSandbox(SalesforceSandboxOptions(seed: 5, records: 1_000)) { client in
            let token = try await client.login()
            let first = try await client.query("SELECT Id FROM Opportunity", token: token, all: true, headers: ["Sforce-Query-Options": "batchSize=300"])
            #expect(first.json["records"]?.arrayValue?.count == 300)
            #expect(first.json["done"]?.boolValue == false)
            #expect(first.json["totalSize"]?.intValue == 1_000)
            let next = try #require(first.json["nextRecordsUrl"]?.stringValue)
            #expect(next.hasPrefix("/services/data/v61.0/query/01g") && next.hasSuffix("-300"))
            let clamped = try await client.query("SELECT Id FROM Opportunity", token: token, all: true, headers: ["Sforce-Query-Options": "batchSize=50"])
            #expect(clamped.json["records"]?.arrayValue?.count == 200)
            let (records, pages) = try await client.queryAllPages("SELECT Id FROM Opportunity", token: token, all: true, headers: ["Sforce-Query-Options": "batchSize=300"])
            #expect(records.count == 1_000)
            #expect(pages == 4)
            let bad = try await client.get("/services/data/v61.0/query/01gUNKNOWN-2000", token: token)
            #expect(bad.status == 400)
            #expect(bad.errorCode == "INVALID_QUERY_LOCATOR")
        }
    }

    @Test func recordsUseRestValueFormats() async throws {
        try await withSandbox { client in
            let token = try await client.login()
            let accounts = try await client.queryAllPages("SELECT Id, Name, BillingAddress, Headquarters__c, CreatedDate, NumberOfEmployees FROM Account", token: token, all: true)
            let created = try #require(accounts.records.first?["CreatedDate"]?.stringValue)
            #expect(created.count == 28 && created.hasSuffix("+0000") && created.dropFirst(19).hasPrefix("."))
            let address = accounts.records.compactMap { $0["BillingAddress"]?.objectValue }.first
            #expect(address?.keys == ["city", "country", "countryCode", "geocodeAccuracy", "latitude", "longitude", "postalCode", "state", "stateCode", "street"])
            #expect(accounts.records.contains { $0["Headquarters__c"]?["latitude"]?.numberValue != nil })
            let id = try #require(accounts.records.first?["Id"]?.stringValue)
            #expect(id.count == 18 && id.hasPrefix("001"))
            let invoices = try await client.queryAllPages("SELECT Total__c, Cutoff_Time__c, Tags__c FROM Invoice__c", token: token)
            #expect(invoices.records.contains { $0["Total__c"]?.numberValue?.text == "9.99999999999999999E15" })
            #expect(invoices.records.contains { ($0["Cutoff_Time__c"]?.stringValue?.hasSuffix("Z")) == true })
            let attachments = try await client.queryAllPages("SELECT Id, Body FROM Attachment", token: token)
            let body = try #require(attachments.records.first?["Body"]?.stringValue)
            #expect(body.hasPrefix("/services/data/v61.0/sobjects/Attachment/") && body.hasSuffix("/Body"))
        }
    }

    @Test func queryErrorsAreSalesforceErrorArrays() async throws {
        try await withSandbox { client in
            let token = try await client.login()
            let malformed = try await client.query("SELECT FROM Account", token: token)
            #expect(malformed.status == 400)
            #expect(malformed.errorCode == "MALFORMED_QUERY")
            #expect(try await client.query("SELECT Id FROM Nope__c", token: token).errorCode == "INVALID_TYPE")
            let column = try await client.query("SELECT Idx FROM Account", token: token)
            #expect(column.errorCode == "INVALID_FIELD")
            #expect(column.json[0]?["message"]?.stringValue?.contains("No such column 'Idx' on entity 'Account'") == true)
        }
    }
}
