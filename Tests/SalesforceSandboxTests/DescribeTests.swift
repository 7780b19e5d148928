import SalesforceSandbox
import Singer
import Testing

@Suite("Describe and metadata")
struct DescribeTests {
    @Test func versionsNeedNoAuthenticationAndCarryNoLimitHeader() async throws {
        try await withSandbox { client in
            let reply = try await client.send(.get, "/services/data/")
            #expect(reply.status == 200)
            #expect(reply.json.arrayValue?.last?["version"]?.stringValue == "61.0")
            #expect(reply.headers["Sforce-Limit-Info"] == nil)
        }
    }

    @Test func describeGlobalListsQueryableAndNonQueryableObjects() async throws {
        try await withSandbox { client in
            let token = try await client.login()
            let reply = try await client.get("/services/data/v58.0/sobjects", token: token)
            #expect(reply.status == 200)
            #expect(reply.json["encoding"]?.stringValue == "UTF-8")
            let objects = try #require(reply.json["sobjects"]?.arrayValue)
            let byName = Dictionary(uniqueKeysWithValues: objects.compactMap { object in object["name"]?.stringValue.map { ($0, object) } })
            #expect(byName["Account"]?["keyPrefix"]?.stringValue == "001")
            #expect(byName["Opportunity"]?["queryable"]?.boolValue == true)
            #expect(byName["OpportunityChangeEvent"]?["queryable"]?.boolValue == false)
            #expect(byName["Invoice__c"]?["custom"]?.boolValue == true)
            #expect(byName["Account"]?["urls"]?["describe"]?.stringValue == "/services/data/v58.0/sobjects/Account/describe")
        }
    }

    @Test func describeReportsFieldMetadataWithCompoundAndSpecialTypes() async throws {
        try await withSandbox { client in
            let token = try await client.login()
            func fields(_ object: String) async throws -> [String: JSONValue] {
                let reply = try await client.get("/services/data/v61.0/sobjects/\(object)/describe", token: token)
                #expect(reply.status == 200)
                let list = reply.json["fields"]?.arrayValue ?? []
                return Dictionary(uniqueKeysWithValues: list.compactMap { field in field["name"]?.stringValue.map { ($0, field) } })
            }
            let account = try await fields("Account")
            #expect(account["BillingAddress"]?["type"]?.stringValue == "address")
            #expect(account["BillingAddress"]?["soapType"]?.stringValue == "urn:address")
            #expect(account["BillingCity"]?["compoundFieldName"]?.stringValue == "BillingAddress")
            #expect(account["Headquarters__c"]?["type"]?.stringValue == "location")
            #expect(account["Id"]?["type"]?.stringValue == "id")
            #expect((account["Name"]?.objectValue?.count ?? 0) >= 50)
            let invoice = try await fields("Invoice__c")
            #expect(invoice["Balance__c"]?["calculated"]?.boolValue == true)
            #expect(invoice["Tags__c"]?["type"]?.stringValue == "multipicklist")
            #expect(invoice["Cutoff_Time__c"]?["type"]?.stringValue == "time")
            let opportunity = try await fields("Opportunity")
            #expect(opportunity["StageName"]?["picklistValues"]?.arrayValue?.contains { $0["value"]?.stringValue == "Closed Won" } == true)
            #expect(opportunity["AccountId"]?["referenceTo"]?[0]?.stringValue == "Account")
            #expect(opportunity["Amount"]?["type"]?.stringValue == "currency")
            #expect(try await fields("Attachment")["Body"]?["type"]?.stringValue == "base64")
            #expect(try await fields("OpportunityFieldHistory")["NewValue"]?["type"]?.stringValue == "anyType")
            #expect(try await fields("ActivityFieldHistory")["SystemModstamp"]?["filterable"]?.boolValue == false)
            let missing = try await client.get("/services/data/v61.0/sobjects/Nope__c/describe", token: token)
            #expect(missing.status == 404)
            #expect(missing.errorCode == "NOT_FOUND")
        }
    }

    @Test func compositeBatchHaltsAfterTheFirstFailureWhenAsked() async throws {
        try await withSandbox { client in
            let token = try await client.login()
            let requests: [JSONValue] = ["Account", "Nope", "Contact"].map { name in
                ["method": "GET", "url": .string("/services/data/v61.0/sobjects/\(name)/describe")]
            }
            let halted = try await client.json(.post, "/services/data/v61.0/composite/batch", token: token,
                                               body: ["haltOnError": true, "batchRequests": .array(requests)])
            #expect(halted.status == 200)
            #expect(halted.json["hasErrors"]?.boolValue == true)
            let statuses = halted.json["results"]?.arrayValue?.compactMap { $0["statusCode"]?.intValue }
            #expect(statuses == [200, 404, 412])
            #expect(halted.json["results"]?[2]?["result"]?[0]?["errorCode"]?.stringValue == "BATCH_PROCESSING_HALTED")
            #expect(halted.json["results"]?[0]?["result"]?["name"]?.stringValue == "Account")
            let continued = try await client.json(.post, "/services/data/v61.0/composite/batch", token: token, body: ["batchRequests": .array(requests)])
            #expect(continued.json["results"]?.arrayValue?.compactMap { $0["statusCode"]?.intValue } == [200, 404, 200])
            let tooMany = try await client.json(.post, "/services/data/v61.0/composite/batch", token: token,
                                                body: ["batchRequests": .array(Array(repeating: requests[0], count: 26))])
            #expect(tooMany.status == 400)
        }
    }

    @Test func limitsAndTheUsageHeaderAgreeAndCountEveryCall() async throws {
        try await withSandbox(SalesforceSandboxOptions(seed: 7, records: 10, apiUsageBase: 100)) { client in
            let token = try await client.login()
            let first = try await client.get("/services/data/v61.0/limits", token: token)
            #expect(first.headers["Sforce-Limit-Info"] == "api-usage=101/100000; api-bursts=1/750")
            #expect(first.json["DailyApiRequests"]?["Remaining"]?.intValue == 100_000 - 101)
            #expect(first.json["DailyBulkApiBatches"]?["Max"]?.intValue != nil)
            let second = try await client.get("/services/data/v61.0/sobjects", token: token)
            #expect(second.headers["Sforce-Limit-Info"]?.hasPrefix("api-usage=102/100000") == true)
            #expect(client.sandbox.apiUsage == 102)
        }
    }

    @Test func plainLimitHeaderFormatHasOnlyTheUsage() async throws {
        try await withSandbox(SalesforceSandboxOptions(seed: 7, records: 10, apiUsageBase: 5, limitInfoWithBursts: false)) { client in
            let reply = try await client.get("/services/data/v61.0/limits", token: try await client.login())
            #expect(reply.headers["Sforce-Limit-Info"] == "api-usage=6/100000")
        }
    }

    @Test func missingOrUnknownTokensGet401InvalidSession() async throws {
        try await withSandbox { client in
            let reply = try await client.get("/services/data/v61.0/sobjects", token: "not-a-token")
            #expect(reply.status == 401)
            #expect(reply.errorCode == "INVALID_SESSION_ID")
            #expect(try await client.send(.get, "/services/data/v61.0/limits").status == 401)
        }
    }
}
