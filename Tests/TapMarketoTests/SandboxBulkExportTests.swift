import Foundation
import MarketoSandbox
import Singer
import Testing

@Suite("Marketo sandbox: bulk extract")
struct SandboxBulkExportTests {
    static let anchor = 1_780_000_000 - 1_780_000_000 % 86_400

    static func window(days: Int, endingDaysBefore end: Int = 0) -> (String, String) {
        (format(anchor - (end + days) * 86_400), format(anchor - end * 86_400))
    }

    static func format(_ seconds: Int) -> String {
        let moment = RFC3339.DateTime(secondsSince1970: seconds)
        func pad(_ value: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        return "\(pad(moment.date.year, 4))-\(pad(moment.date.month, 2))-\(pad(moment.date.day, 2))T\(pad(moment.time.hour, 2)):\(pad(moment.time.minute, 2)):\(pad(moment.time.second, 2))+00:00"
    }

    /// The file's SHA-256 by `sha256sum`, an independent implementation.
    static func sha256WithCoreutils(_ data: Data) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("msb-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: path) }
        guard (try? data.write(to: path)) != nil else { return "unwritable" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return "no sha256sum" }
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return String(output.prefix(64))
    }

    /// Creates, enqueues and polls an export to completion; returns its id and status replies.
    static func runExport(_ http: MarketoSandboxHTTP, token: String, kind: String, body: JSONValue) async throws -> (id: String, polls: [String]) {
        let created = try await http.post("/bulk/v1/\(kind)/export/create.json", token: token, json: body)
        #expect(created.success, "\(created.text)")
        #expect(created.result.first?["status"]?.stringValue == "Created")
        let id = try #require(created.result.first?["exportId"]?.stringValue)
        let enqueued = try await http.post("/bulk/v1/\(kind)/export/\(id)/enqueue.json", token: token)
        #expect(enqueued.result.first?["status"]?.stringValue == "Queued")
        var polls: [String] = []
        for _ in 0..<5 {
            let status = try await http.get("/bulk/v1/\(kind)/export/\(id)/status.json", token: token)
            let value = status.result.first?["status"]?.stringValue ?? "?"
            polls.append(value)
            if value == "Completed" { break }
        }
        return (id, polls)
    }

    @Test("a lead export moves Created → Queued → Processing → Completed and its CSV holds exactly the live leads created in the window")
    func leadExportMatchesGroundTruth() async throws {
        try await runAgainstMarketoSandbox { http in
            let token = try await http.token()
            let (start, end) = Self.window(days: 31, endingDaysBefore: 10)
            let (id, polls) = try await Self.runExport(http, token: token, kind: "leads", body: [
                "format": "CSV", "fields": ["id", "email", "company", "personNotes", "createdAt", "updatedAt"],
                "filter": ["createdAt": ["startAt": .string(start), "endAt": .string(end)]],
            ])
            #expect(polls == ["Processing", "Completed"])
            let file = try await http.get("/bulk/v1/leads/export/\(id)/file.json", token: token)
            #expect(file.status == 200)
            #expect(file.headers["Content-Type"]?.hasPrefix("text/csv") == true)
            let rows = try CSVTestReader.rows(file.text)
            #expect(rows.first == ["id", "email", "company", "personNotes", "createdAt", "updatedAt"])
            let ids = rows.dropFirst().compactMap { Int($0[0]) }
            let expected = http.sandbox.store.leadIDs("createdAt", from: Self.anchor - 41 * 86_400, through: Self.anchor - 10 * 86_400)
            #expect(!expected.isEmpty)
            #expect(ids == expected)
            #expect(rows.dropFirst().allSatisfy { $0.count == 6 })
            #expect(rows.contains { $0[2].contains(",") || $0[2].contains("\"") })
            #expect(Set(ids).isDisjoint(with: http.sandbox.store.deletedLeadIDs))
            let status = try await http.get("/bulk/v1/leads/export/\(id)/status.json", token: token)
            #expect(status.result.first?["numberOfRecords"]?.intValue == expected.count)
            #expect(status.result.first?["fileSize"]?.intValue == file.body.count)
            let checksum = try #require(status.result.first?["fileChecksum"]?.stringValue)
            #expect(checksum.hasPrefix("sha256:") && checksum.count == 7 + 64)
            #expect(checksum == "sha256:" + Self.sha256WithCoreutils(file.body))
        }
    }

    @Test("leads sharing a midnight createdAt are included by a window ending exactly then (endAt is inclusive)")
    func boundaryTimestampsAreInclusive() async throws {
        try await runAgainstMarketoSandbox { http in
            let boundary = Self.anchor - 30 * 86_400
            let truth = http.sandbox.store.leadIDs("createdAt", from: boundary, through: boundary)
            #expect(truth.count >= 2)
            let token = try await http.token()
            let (id, _) = try await Self.runExport(http, token: token, kind: "leads", body: [
                "fields": ["id", "createdAt"],
                "filter": ["createdAt": ["startAt": .string(Self.format(boundary)), "endAt": .string(Self.format(boundary))]],
            ])
            let rows = try CSVTestReader.rows(try await http.get("/bulk/v1/leads/export/\(id)/file.json", token: token).text)
            #expect(rows.dropFirst().compactMap { Int($0[0]) } == truth)
        }
    }

    @Test("after a change round, an updatedAt export over the change time holds exactly the updated and inserted leads, not the deleted ones")
    func changesShowInUpdatedAtExport() async throws {
        try await runAgainstMarketoSandbox { http in
            let summary = http.sandbox.applyChanges()
            #expect(!summary.updatedLeads.isEmpty && !summary.insertedLeads.isEmpty)
            let token = try await http.token()
            let (id, _) = try await Self.runExport(http, token: token, kind: "leads", body: [
                "fields": ["id", "updatedAt"],
                "filter": ["updatedAt": ["startAt": .string(Self.format(summary.timestamp - 86_400)), "endAt": .string(Self.format(summary.timestamp + 1))]],
            ])
            let rows = try CSVTestReader.rows(try await http.get("/bulk/v1/leads/export/\(id)/file.json", token: token).text)
            let ids = Set(rows.dropFirst().compactMap { Int($0[0]) })
            #expect(ids == Set(summary.updatedLeads + summary.insertedLeads))
            #expect(ids.isDisjoint(with: summary.deletedLeads))
        }
    }

    @Test("file.json honours Range: a resumed download stitched from 206 parts equals the whole file")
    func rangeRequestsResume() async throws {
        try await runAgainstMarketoSandbox { http in
            let token = try await http.token()
            let (start, end) = Self.window(days: 30)
            let (id, _) = try await Self.runExport(http, token: token, kind: "leads", body: [
                "fields": ["id", "firstName", "lastName"], "filter": ["createdAt": ["startAt": .string(start), "endAt": .string(end)]],
            ])
            let whole = try await http.get("/bulk/v1/leads/export/\(id)/file.json", token: token)
            let head = try await http.get("/bulk/v1/leads/export/\(id)/file.json", token: token, headers: ["Range": "bytes=0-99"])
            #expect(head.status == 206)
            #expect(head.headers["Content-Range"] == "bytes 0-99/\(whole.body.count)")
            let tail = try await http.get("/bulk/v1/leads/export/\(id)/file.json", token: token, headers: ["Range": "bytes=100-"])
            #expect(tail.status == 206)
            #expect(head.body + tail.body == whole.body)
            let probe = try await http.get("/bulk/v1/leads/export/\(id)/file.json", token: token, headers: ["Range": "bytes=0-0"])
            #expect(probe.status == 206 && probe.body.count == 1)
        }
    }

    @Test("an unfinished or unknown export's file is a plain-text 404")
    func unfinishedFileIs404() async throws {
        try await runAgainstMarketoSandbox { http in
            let token = try await http.token()
            let (start, end) = Self.window(days: 5)
            let created = try await http.post("/bulk/v1/leads/export/create.json", token: token, json: [
                "fields": ["id"], "filter": ["updatedAt": ["startAt": .string(start), "endAt": .string(end)]],
            ])
            let id = try #require(created.result.first?["exportId"]?.stringValue)
            let file = try await http.get("/bulk/v1/leads/export/\(id)/file.json", token: token)
            #expect(file.status == 404)
            #expect(file.headers["Content-Type"]?.contains("json") == false)
            #expect(try await http.get("/bulk/v1/leads/export/nope/file.json", token: token).status == 404)
        }
    }

    @Test("create rejects a range over 31 days (1003), accepts zero-length windows, and 1035 without updatedAt support")
    func filterValidation() async throws {
        try await runAgainstMarketoSandbox { http in
            let token = try await http.token()
            let (start, end) = Self.window(days: 32)
            let tooWide = try await http.post("/bulk/v1/leads/export/create.json", token: token, json: [
                "fields": ["id"], "filter": ["createdAt": ["startAt": .string(start), "endAt": .string(end)]],
            ])
            #expect(tooWide.errorCode == "1003")
            let zero = try await http.post("/bulk/v1/leads/export/create.json", token: token, json: [
                "fields": ["id"], "filter": ["createdAt": ["startAt": .string(end), "endAt": .string(end)]],
            ])
            #expect(zero.success)
            let badField = try await http.post("/bulk/v1/leads/export/create.json", token: token, json: [
                "fields": ["id", "noSuchField"], "filter": ["createdAt": ["startAt": .string(end), "endAt": .string(end)]],
            ])
            #expect(badField.errorCode == "1003")
        }
        let options = MarketoSandboxOptions(seed: 7, records: 20, supportsUpdatedAtFilter: false)
        try await runAgainstMarketoSandbox(options) { http in
            let token = try await http.token()
            let (start, end) = Self.window(days: 1)
            let reply = try await http.post("/bulk/v1/leads/export/create.json", token: token, json: [
                "fields": ["id"], "filter": ["updatedAt": ["startAt": .string(start), "endAt": .string(end)]],
            ])
            #expect(reply.errorCode == "1035")
        }
    }

    @Test("an activity export returns the chosen types in the window with a JSON object in every attributes cell")
    func activityExport() async throws {
        try await runAgainstMarketoSandbox { http in
            let token = try await http.token()
            let (start, end) = Self.window(days: 31)
            let (id, _) = try await Self.runExport(http, token: token, kind: "activities", body: [
                "format": "CSV",
                "fields": ["marketoGUID", "leadId", "activityDate", "activityTypeId", "campaignId", "primaryAttributeValueId", "primaryAttributeValue", "attributes"],
                "filter": ["createdAt": ["startAt": .string(start), "endAt": .string(end)], "activityTypeIds": [1, 12]],
            ])
            let rows = try CSVTestReader.rows(try await http.get("/bulk/v1/activities/export/\(id)/file.json", token: token).text)
            #expect(rows.count > 1)
            #expect(rows.dropFirst().map { $0[0] } == http.sandbox.store.activityGUIDs(types: [1, 12], from: Self.anchor - 31 * 86_400, through: Self.anchor))
            for row in rows.dropFirst() {
                #expect(row[3] == "1" || row[3] == "12")
                var parser = JSONParser()
                #expect((try? parser.parse(row[7]))?.objectValue != nil)
            }
        }
    }

    @Test("an enqueued job's second enqueue, more than 10 queued jobs and a spent export allocation answer 1029")
    func exportLimits() async throws {
        let options = MarketoSandboxOptions(seed: 7, records: 50, pollsToComplete: 5)
        try await runAgainstMarketoSandbox(options) { http in
            let token = try await http.token()
            let (start, end) = Self.window(days: 2)
            let body: JSONValue = ["fields": ["id"], "filter": ["createdAt": ["startAt": .string(start), "endAt": .string(end)]]]
            var ids: [String] = []
            for _ in 0..<11 {
                let created = try await http.post("/bulk/v1/leads/export/create.json", token: token, json: body)
                ids.append(try #require(created.result.first?["exportId"]?.stringValue))
            }
            for id in ids.prefix(10) {
                #expect(try await http.post("/bulk/v1/leads/export/\(id)/enqueue.json", token: token).success)
            }
            #expect(try await http.post("/bulk/v1/leads/export/\(ids[0])/enqueue.json", token: token).errorCode == "1029")
            #expect(try await http.post("/bulk/v1/leads/export/\(ids[10])/enqueue.json", token: token).errorCode == "1029")
            let listed = try await http.get("/bulk/v1/leads/export.json?status=Queued&status=Processing", token: token)
            #expect(listed.result.count == 10)
            let cancelled = try await http.post("/bulk/v1/leads/export/\(ids[0])/cancel.json", token: token)
            #expect(cancelled.result.first?["status"]?.stringValue == "Cancelled")
            #expect(try await http.post("/bulk/v1/leads/export/\(ids[10])/enqueue.json", token: token).success)
        }
        try await runAgainstMarketoSandbox(MarketoSandboxOptions(seed: 7, records: 50, scenarios: [.exportQuota])) { http in
            let token = try await http.token()
            let (start, end) = Self.window(days: 30)
            let body: JSONValue = ["fields": ["id"], "filter": ["createdAt": ["startAt": .string(start), "endAt": .string(end)]]]
            _ = try await Self.runExport(http, token: token, kind: "leads", body: body)
            let refused = try await http.post("/bulk/v1/leads/export/create.json", token: token, json: body)
            #expect(refused.errorCode == "1029")
        }
    }
}

/// A small RFC 4180 reader for checking export files in tests (quoted commas, quotes and newlines).
enum CSVTestReader {
    struct Malformed: Error {}

    static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                guard field.isEmpty else { throw Malformed() }
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw Malformed() }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
