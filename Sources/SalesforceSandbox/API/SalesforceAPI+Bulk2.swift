import Foundation
import Hummingbird
import SandboxKit
import Singer

/// Bulk API 2.0 query jobs under `/services/data/vXX.X/jobs/query`: create, status, results
/// (CSV pages with `Sforce-Locator` and `Sforce-NumberOfRecords`), abort, delete and list.
extension SalesforceAPI {
    static let delimiters: [String: UInt8] = [
        "COMMA": UInt8(ascii: ","), "TAB": 0x09, "PIPE": UInt8(ascii: "|"), "SEMICOLON": UInt8(ascii: ";"),
        "CARET": UInt8(ascii: "^"), "BACKQUOTE": UInt8(ascii: "`"),
    ]
    /// Rows per results page when the request gives no `maxRecords`.
    static let defaultMaxRecords = 100_000

    func bulkQuery(_ request: SandboxRequest, version: String, rest: [String]) throws -> SandboxResponse {
        switch (request.method, rest.count) {
        case ("POST", 0): return try createBulkJob(request, version: version)
        case ("GET", 0):
            return .json(value: ["done": true, "records": .array(jobs.all.map { jobInfo($0, detailed: false) }), "nextRecordsUrl": .null])
        case ("GET", 1):
            guard let job = jobs.poll(rest[0]) else { throw Self.jobNotFound(rest[0]) }
            return .json(value: jobInfo(job, detailed: true))
        case ("PATCH", 1):
            var parser = JSONParser()
            guard let body = try? parser.parse(request.body), body["state"]?.stringValue == "Aborted" else {
                throw APIError(400, "INVALIDJOBSTATE", "Only {\"state\": \"Aborted\"} is accepted for query jobs")
            }
            guard let job = jobs.abort(rest[0]) else { throw Self.jobNotFound(rest[0]) }
            return .json(value: jobInfo(job, detailed: false))
        case ("DELETE", 1):
            guard jobs.delete(rest[0]) else { throw Self.jobNotFound(rest[0]) }
            return .empty(status: 204)
        case ("GET", 2) where rest[1] == "results":
            return try bulkResults(request, jobID: rest[0])
        default:
            throw APIError.notFound
        }
    }

    static func jobNotFound(_ id: String) -> APIError {
        APIError(404, "NOT_FOUND", "The requested resource does not exist (job \(id))")
    }

    /// Shared by Bulk 2.0 and 1.0: refuses objects and queries Bulk cannot run.
    func bulkCompile(_ soql: String) throws -> CompiledQuery {
        let query = try compile(soql)
        if options.scenarios.contains(.bulkUnsupported) || !query.object.bulkQueryable {
            throw APIError(400, "INVALIDENTITY", "Entity '\(query.object.name)' is not supported by the Bulk API.")
        }
        if let problem = query.bulkProblem { throw APIError(problem) }
        return query
    }

    private func createBulkJob(_ request: SandboxRequest, version: String) throws -> SandboxResponse {
        var parser = JSONParser()
        guard let body = try? parser.parse(request.body), let soql = body["query"]?.stringValue else {
            throw APIError(400, "INVALIDJOB", "The request body must be JSON with 'operation' and 'query'")
        }
        let operation = body["operation"]?.stringValue ?? ""
        guard operation == "query" || operation == "queryAll" else {
            throw APIError(400, "INVALIDJOB", "Invalid operation '\(operation)': query jobs take 'query' or 'queryAll'")
        }
        if let contentType = body["contentType"]?.stringValue, contentType != "CSV" {
            throw APIError(400, "INVALIDJOB", "Invalid contentType '\(contentType)': query jobs support only CSV")
        }
        let delimiter = body["columnDelimiter"]?.stringValue ?? "COMMA"
        guard Self.delimiters[delimiter] != nil else { throw APIError(400, "INVALIDJOB", "Invalid columnDelimiter '\(delimiter)'") }
        let lineEnding = body["lineEnding"]?.stringValue ?? "LF"
        guard lineEnding == "LF" || lineEnding == "CRLF" else { throw APIError(400, "INVALIDJOB", "Invalid lineEnding '\(lineEnding)'") }
        let query = try bulkCompile(soql)
        let rows = query.matchingRows(in: store.table(for: query.object), includeDeleted: operation == "queryAll")
        counters.increment(SalesforceCounter.bulkJobs)
        let created = now()
        let job = jobs.create { number in
            BulkJobStore.Job(
                id: SalesforceID.make(prefix: "750", number: 5_000_000 + number), operation: operation, query: query, rows: rows,
                createdAt: created, started: .now, columnDelimiter: delimiter, lineEnding: lineEnding,
                apiVersion: String(version.dropFirst()))
        }
        return .json(value: jobInfo(job, detailed: false, state: "UploadComplete"))
    }

    func jobInfo(_ job: BulkJobStore.Job, detailed: Bool, state: String? = nil) -> JSONValue {
        let stamp = JSONValue.string(JSONFragment.formatDateTime(job.createdAt, zone: "+0000"))
        var info = JSONObject()
        info.append(key: "id", value: .string(job.id))
        info.append(key: "operation", value: .string(job.operation))
        info.append(key: "object", value: .string(job.query.object.name))
        info.append(key: "createdById", value: .string(credentials.userID))
        info.append(key: "createdDate", value: stamp)
        info.append(key: "systemModstamp", value: stamp)
        info.append(key: "state", value: .string(state ?? job.state))
        info.append(key: "concurrencyMode", value: "Parallel")
        info.append(key: "contentType", value: "CSV")
        info.append(key: "apiVersion", value: .number(JSONNumber(job.apiVersion) ?? JSONNumber(61.0)))
        if detailed {
            info.append(key: "jobType", value: "V2Query")
        }
        info.append(key: "lineEnding", value: .string(job.lineEnding))
        info.append(key: "columnDelimiter", value: .string(job.columnDelimiter))
        if detailed {
            let complete = job.state == "JobComplete"
            info.append(key: "numberRecordsProcessed", value: .number(JSONNumber(complete ? job.rows.count : 0)))
            info.append(key: "retries", value: 0)
            info.append(key: "totalProcessingTime", value: .number(JSONNumber(complete ? 120 + job.rows.count / 1000 : 0)))
            info.append(key: "isPkChunkingSupported", value: .bool(job.query.object.bulkQueryable))
        }
        return .object(info)
    }

    private func bulkResults(_ request: SandboxRequest, jobID: String) throws -> SandboxResponse {
        guard let job = jobs.job(jobID) else { throw Self.jobNotFound(jobID) }
        guard job.state == "JobComplete" else {
            throw APIError(400, "JOB_NOT_COMPLETE", "Job \(jobID) is \(job.state); results are available once it is JobComplete")
        }
        var offset = 0
        if let locator = request.query["locator"], !locator.isEmpty, locator != "null" {
            guard let decoded = Self.decodeLocator(locator), decoded <= job.rows.count else {
                throw APIError(400, "INVALID_LOCATOR", "Invalid locator '\(locator)' for job \(jobID)")
            }
            offset = decoded
        }
        var maxRecords = Self.defaultMaxRecords
        if let text = request.query["maxRecords"] {
            guard let value = Int(text), value > 0 else { throw APIError(400, "INVALIDPARAMETER", "maxRecords must be a positive integer") }
            maxRecords = value
        }
        let end = min(job.rows.count, offset + maxRecords)
        return csvResults(query: job.query, rows: job.rows[offset..<end],
                          delimiter: Self.delimiters[job.columnDelimiter] ?? UInt8(ascii: ","),
                          lineEnding: job.lineEnding == "CRLF" ? [0x0D, 0x0A] : [0x0A], headers: [
                              ("Sforce-Locator", end < job.rows.count ? Self.encodeLocator(end) : "null"),
                              ("Sforce-NumberOfRecords", String(end - offset)),
                          ])
    }

    /// Locators are the next row offset in unpadded base64 (`MTAwMDA` is 10000), opaque to clients.
    static func encodeLocator(_ offset: Int) -> String {
        var text = Data(String(offset).utf8).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    static func decodeLocator(_ locator: String) -> Int? {
        var padded = locator
        while padded.count % 4 != 0 { padded += "=" }
        return Data(base64Encoded: padded).flatMap { Int(String(decoding: $0, as: UTF8.self)) }
    }
}
