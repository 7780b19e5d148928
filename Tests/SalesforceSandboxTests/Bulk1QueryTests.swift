import Foundation
import HTTP
import SalesforceSandbox
import Singer
import Testing

@Suite("Bulk API 1.0 query jobs")
struct Bulk1QueryTests {
    static let base = "/services/async/61.0/job"
    static let namespace = "xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\""

    /// A Bulk 1.0 call authenticated with `X-SFDC-Session`.
    func call(_ client: SandboxClient, _ method: HTTPMethod, _ path: String, token: String, contentType: String? = nil, body: String? = nil) async throws -> Reply {
        var headers: HTTPHeaders = ["X-SFDC-Session": token]
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        return try await client.send(method, Self.base + path, headers: headers, body: body.map { Data($0.utf8) })
    }

    func createJSONJob(_ client: SandboxClient, token: String, object: String, operation: String = "queryAll", pkChunking: String? = nil) async throws -> Reply {
        var headers: HTTPHeaders = ["X-SFDC-Session": token, "Content-Type": "application/json", "Sforce-Disable-Batch-Retry": "true"]
        if let pkChunking { headers.add(name: "Sforce-Enable-PKChunking", value: pkChunking) }
        let body = "{\"operation\": \"\(operation)\", \"object\": \"\(object)\", \"contentType\": \"CSV\"}"
        return try await client.send(.post, Self.base, headers: headers, body: Data(body.utf8))
    }

    /// Polls a batch until it leaves Queued/InProgress; returns the states seen and the last answer.
    func waitForBatch(_ client: SandboxClient, token: String, job: String, batch: String) async throws -> (states: [String], last: Reply) {
        var states: [String] = []
        for _ in 0..<20 {
            let info = try await call(client, .get, "/\(job)/batch/\(batch)", token: token, contentType: "application/json")
            let state = XMLTestReader.values("state", in: info.text).first ?? "?"
            states.append(state)
            if state != "Queued" && state != "InProgress" { return (states, info) }
        }
        throw FixtureError.unexpected(0, "batch \(batch) never finished: \(states)")
    }

    @Test func queryAllJobRunsFromCreateToCSVResultsThatMatchTheStore() async throws {
        try await withSandbox(SalesforceSandboxOptions(seed: 4, records: 1_000)) { client in
            let token = try await client.login()
            let created = try await createJSONJob(client, token: token, object: "Opportunity")
            #expect(created.status == 201)
            #expect(created.headers["Content-Type"] == "application/json")
            #expect(created.json["state"]?.stringValue == "Open")
            #expect(created.json["contentType"]?.stringValue == "CSV")
            #expect(created.json["apiVersion"]?.numberValue?.doubleValue == 61.0)
            #expect(created.json["createdDate"]?.stringValue?.hasSuffix(".000+0000") == true)
            let job = try #require(created.json["id"]?.stringValue)
            #expect(job.hasPrefix("750") && job.count == 18)

            let soql = "SELECT Id,Name,Amount,IsDeleted,SystemModstamp FROM Opportunity WHERE SystemModstamp >= 2020-01-01T00:00:00Z  ORDER BY SystemModstamp ASC"
            let added = try await call(client, .post, "/\(job)/batch", token: token, contentType: "text/csv", body: soql)
            #expect(added.status == 201)
            #expect(added.text.contains("<batchInfo \(Self.namespace)>"))
            #expect(XMLTestReader.values("state", in: added.text) == ["Queued"])
            #expect(XMLTestReader.values("jobId", in: added.text) == [job])
            let batch = try #require(XMLTestReader.values("id", in: added.text).first)

            let closed = try await call(client, .post, "/\(job)", token: token, contentType: "application/json; charset=UTF-8", body: "{\"state\": \"Closed\"}")
            #expect(closed.json["state"]?.stringValue == "Closed")
            let (states, _) = try await waitForBatch(client, token: token, job: job, batch: batch)
            #expect(states == ["InProgress", "Completed"] || states == ["Completed"])

            let list = try await call(client, .get, "/\(job)/batch/\(batch)/result", token: token)
            #expect(list.headers["Content-Type"] == "application/xml")
            #expect(list.text.contains("<result-list \(Self.namespace)><result>"))
            let result = try #require(XMLTestReader.values("result", in: list.text).first)
            #expect(result.hasPrefix("752"))

            let csv = try await call(client, .get, "/\(job)/batch/\(batch)/result/\(result)", token: token, contentType: "text/csv")
            #expect(csv.status == 200)
            #expect(csv.headers["Content-Type"] == "text/csv; charset=UTF-8")
            let rows = try CSVTestReader.rows(csv.text)
            #expect(rows.first == ["Id", "Name", "Amount", "IsDeleted", "SystemModstamp"])
            let truth = client.sandbox.store.records(of: "Opportunity", includeDeleted: true)
            #expect(rows.count == truth.count + 1)
            let byID = Dictionary(uniqueKeysWithValues: truth.compactMap { record in record["Id"]?.stringValue.map { ($0, record) } })
            for row in rows.dropFirst() {
                let record = try #require(byID[row[0]])
                #expect(row[1] == record["Name"]?.stringValue)
                #expect(row[3] == (record["IsDeleted"]?.boolValue == true ? "true" : "false"))
            }
            #expect(rows.contains { $0[3] == "true" })
            #expect(zip(rows.dropFirst(), rows.dropFirst(2)).allSatisfy { $0.0[4] <= $0.1[4] })

            let info = try await call(client, .get, "/\(job)", token: token, contentType: "application/json")
            #expect(info.json["numberBatchesCompleted"]?.intValue == 1)
            #expect(info.json["numberRecordsProcessed"]?.intValue == truth.count)
        }
    }

    @Test func xmlJobRequestsGetXMLJobInfoAndBatchListsInTheAsyncNamespace() async throws {
        try await withSandbox { client in
            let token = try await client.login()
            let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><jobInfo \(Self.namespace)><operation>query</operation><object>Account</object><contentType>CSV</contentType></jobInfo>"
            let created = try await call(client, .post, "", token: token, contentType: "application/xml; charset=UTF-8", body: body)
            #expect(created.status == 201)
            #expect(created.text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?><jobInfo \(Self.namespace)><id>750"))
            #expect(XMLTestReader.values("state", in: created.text) == ["Open"])
            #expect(XMLTestReader.values("apiVersion", in: created.text) == ["61.0"])
            #expect(XMLTestReader.values("createdDate", in: created.text).first?.hasSuffix(".000Z") == true)
            let job = try #require(XMLTestReader.values("id", in: created.text).first)
            _ = try await call(client, .post, "/\(job)/batch", token: token, contentType: "text/csv", body: "SELECT Id FROM Account")
            _ = try await call(client, .post, "/\(job)/batch", token: token, contentType: "text/csv", body: "SELECT Id, Name FROM Account WHERE Name LIKE 'A%'")
            let list = try await call(client, .get, "/\(job)/batch", token: token)
            #expect(list.text.contains("<batchInfoList \(Self.namespace)><batchInfo><id>751"))
            #expect(XMLTestReader.values("jobId", in: list.text) == [job, job])
            let closed = try await call(client, .post, "/\(job)", token: token, contentType: "application/xml",
                                        body: "<jobInfo \(Self.namespace)><state>Closed</state></jobInfo>")
            #expect(XMLTestReader.values("state", in: closed.text) == ["Closed"])
            #expect(XMLTestReader.values("numberBatchesTotal", in: closed.text) == ["2"])
        }
    }

    @Test func refusalsAreAsyncAPIErrorsAndBadQueriesFailTheBatch() async throws {
        try await withSandbox { client in
            let token = try await client.login()
            let gone = try await call(client, .get, "/750Hs0000000000AAA", token: token, contentType: "application/json")
            #expect(gone.status == 400)
            #expect(gone.headers["Content-Type"] == "application/json")
            #expect(gone.json["exceptionCode"]?.stringValue == "InvalidJob")
            let goneXML = try await call(client, .get, "/750Hs0000000000AAA", token: token)
            #expect(goneXML.text.contains("<error \(Self.namespace)><exceptionCode>InvalidJob</exceptionCode><exceptionMessage>"))
            let noSession = try await call(client, .get, "/750Hs0000000000AAA", token: "nope")
            #expect(XMLTestReader.values("exceptionCode", in: noSession.text) == ["InvalidSessionId"])
            let entity = try await createJSONJob(client, token: token, object: "RecentlyViewed")
            #expect(entity.status == 400)
            #expect(entity.json["exceptionCode"]?.stringValue == "InvalidEntity")
            #expect(entity.json["exceptionMessage"]?.stringValue == "Entity 'RecentlyViewed' is not supported by the Bulk API.")
            #expect(try await createJSONJob(client, token: token, object: "Nope").json["exceptionCode"]?.stringValue == "InvalidJob")
            #expect(try await createJSONJob(client, token: token, object: "Account", operation: "insert").status == 400)

            let job = try #require(try await createJSONJob(client, token: token, object: "Account").json["id"]?.stringValue)
            let compound = try await call(client, .post, "/\(job)/batch", token: token, contentType: "text/csv", body: "SELECT Id, BillingAddress FROM Account")
            let compoundBatch = try #require(XMLTestReader.values("id", in: compound.text).first)
            let (states, last) = try await waitForBatch(client, token: token, job: job, batch: compoundBatch)
            #expect(states.last == "Failed")
            #expect(XMLTestReader.values("stateMessage", in: last.text) == [
                "InvalidBatch : Failed to process query: FUNCTIONALITY_NOT_ENABLED: Selecting compound data not supported in Bulk Query",
            ])
            let results = try await call(client, .get, "/\(job)/batch/\(compoundBatch)/result", token: token, contentType: "application/json")
            #expect(XMLTestReader.values("exceptionCode", in: results.text) == ["InvalidBatch"])
            let field = try await call(client, .post, "/\(job)/batch", token: token, contentType: "text/csv", body: "SELECT Nope FROM Account")
            let fieldBatch = try #require(XMLTestReader.values("id", in: field.text).first)
            let fieldMessage = XMLTestReader.values("stateMessage", in: try await waitForBatch(client, token: token, job: job, batch: fieldBatch).last.text)
            #expect(fieldMessage.first?.hasPrefix("InvalidBatch : Failed to process query: INVALID_FIELD: ") == true)
            let wrongType = try await call(client, .post, "/\(job)/batch", token: token, contentType: "application/json", body: "SELECT Id FROM Account")
            #expect(XMLTestReader.values("exceptionCode", in: wrongType.text) == ["InvalidBatch"])

            _ = try await call(client, .post, "/\(job)", token: token, contentType: "application/json", body: "{\"state\": \"Closed\"}")
            let late = try await call(client, .post, "/\(job)/batch", token: token, contentType: "text/csv", body: "SELECT Id FROM Account")
            #expect(XMLTestReader.values("exceptionCode", in: late.text) == ["InvalidJobState"])
        }
    }

    @Test func pkChunkingSplitsTheBatchIntoIdRangesAndMarksTheOriginalNotProcessed() async throws {
        try await withSandbox(SalesforceSandboxOptions(seed: 4, records: 1_000)) { client in
            let token = try await client.login()
            let created = try await createJSONJob(client, token: token, object: "Account", pkChunking: "true; chunkSize=60")
            let job = try #require(created.json["id"]?.stringValue)
            let added = try await call(client, .post, "/\(job)/batch", token: token, contentType: "text/csv", body: "SELECT Id, Name FROM Account")
            let original = try #require(XMLTestReader.values("id", in: added.text).first)
            var list = Reply(status: 0, headers: [:], body: Data())
            for _ in 0..<10 {
                list = try await call(client, .get, "/\(job)/batch", token: token)
                if !XMLTestReader.values("state", in: list.text).contains(where: { $0 == "Queued" || $0 == "InProgress" }) { break }
            }
            let ids = XMLTestReader.values("id", in: list.text)
            let states = XMLTestReader.values("state", in: list.text)
            let accounts = client.sandbox.store.records(of: "Account", includeDeleted: true)
            #expect(ids.first == original)
            #expect(states == ["NotProcessed"] + Array(repeating: "Completed", count: (accounts.count + 59) / 60))
            var seen: [String] = []
            for batch in ids.dropFirst() {
                let resultList = try await call(client, .get, "/\(job)/batch/\(batch)/result", token: token)
                let result = try #require(XMLTestReader.values("result", in: resultList.text).first)
                let csv = try await call(client, .get, "/\(job)/batch/\(batch)/result/\(result)", token: token)
                seen += try CSVTestReader.rows(csv.text).dropFirst().map { $0[0] }
            }
            #expect(seen.count == accounts.count)
            #expect(seen == seen.sorted())
            #expect(Set(seen) == Set(accounts.compactMap { $0["Id"]?.stringValue }))
        }
    }
}

/// Reads element texts out of the sandbox's small, flat XML answers.
enum XMLTestReader {
    static func values(_ name: String, in xml: String) -> [String] {
        var values: [String] = []
        var rest = xml[...]
        while let open = rest.range(of: "<\(name)>"), let close = rest.range(of: "</\(name)>", range: open.upperBound..<rest.endIndex) {
            values.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return values
    }
}
