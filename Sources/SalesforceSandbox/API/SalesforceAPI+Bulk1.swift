import SandboxKit
import Singer

/// Bulk API 1.0 query jobs under `/services/async/{version}/job…` (`X-SFDC-Session`): create,
/// get and close jobs; batches, result lists and CSV result files are in
/// `SalesforceAPI+Bulk1Batches.swift`. Job answers use the request's format (JSON when its
/// `Content-Type` is JSON, else XML); batch answers follow the job's content type (CSV: XML).
extension SalesforceAPI {
    func bulkV1(_ request: SandboxRequest, version: String, rest: [String]) -> SandboxResponse {
        let format = Bulk1Document.Format(request: request)
        return authenticated(request, render: { Bulk1Error($0).response(format) }) {
            do {
                return try bulkV1Route(request, format: format, version: version, rest: rest)
            } catch let error as Bulk1Error {
                // Batch answers of a CSV job are XML whatever the request said.
                let batchLevel = rest.count >= 3 && jobs1.job(rest[1]) != nil
                return error.response(batchLevel ? .xml : format)
            }
        }
    }

    private func bulkV1Route(_ request: SandboxRequest, format: Bulk1Document.Format, version: String, rest: [String]) throws -> SandboxResponse {
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), rest.first == "job" else {
            throw Bulk1Error("InvalidUrl", "The URI \(request.path) is not a Bulk API resource", status: 404)
        }
        switch (request.method, rest.count) {
        case ("POST", 1): return try createBulk1Job(request, format: format, version: version)
        case ("GET", 2):
            guard let job = jobs1.job(rest[1]) else { throw Bulk1Error.invalidJob(rest[1]) }
            return jobInfo1(job).response(format)
        case ("POST", 2): return try updateBulk1Job(request, id: rest[1], format: format)
        case ("POST", 3) where rest[2] == "batch": return try addBulk1Batch(request, jobID: rest[1])
        case ("GET", 3) where rest[2] == "batch": return try bulk1BatchList(jobID: rest[1])
        case ("GET", 4) where rest[2] == "batch": return try bulk1BatchInfo(jobID: rest[1], batchID: rest[3])
        case ("GET", 5) where rest[2] == "batch" && rest[4] == "result":
            return try bulk1ResultList(jobID: rest[1], batchID: rest[3])
        case ("GET", 6) where rest[2] == "batch" && rest[4] == "result":
            return try bulk1ResultFile(jobID: rest[1], batchID: rest[3], resultID: rest[5])
        default:
            throw Bulk1Error("InvalidUrl", "\(request.method) \(request.path) is not a Bulk API resource", status: 404)
        }
    }

    /// The fields of a create or update request, from a JSON object or a `<jobInfo>` document.
    private func jobFields(_ request: SandboxRequest, format: Bulk1Document.Format, names: [String]) throws -> [String: String] {
        var fields: [String: String] = [:]
        switch format {
        case .json:
            var parser = JSONParser()
            guard let body = try? parser.parse(request.body), case .object = body else {
                throw Bulk1Error("InvalidJob", "The request body is not a JSON object")
            }
            for name in names { fields[name] = body[name]?.stringValue }
        case .xml:
            let text = request.bodyText
            guard text.contains("<jobInfo") else { throw Bulk1Error("InvalidXML", "The request body is not a jobInfo document") }
            for name in names { fields[name] = Bulk1Document.element(name, in: text) }
        }
        return fields
    }

    private func createBulk1Job(_ request: SandboxRequest, format: Bulk1Document.Format, version: String) throws -> SandboxResponse {
        let fields = try jobFields(request, format: format, names: ["operation", "object", "contentType"])
        let operation = fields["operation"] ?? ""
        guard operation == "query" || operation == "queryAll" else {
            throw Bulk1Error("InvalidJob", "Operation '\(operation)' is not emulated: this sandbox runs query and queryAll jobs only")
        }
        // The documented default content type is XML; only CSV results are emulated.
        let contentType = fields["contentType"] ?? "XML"
        guard contentType == "CSV" else {
            throw Bulk1Error("InvalidJob", "contentType '\(contentType)' is not emulated for query jobs; use CSV")
        }
        let name = fields["object"] ?? ""
        guard let object = schema.object(named: name), object.queryable else {
            throw Bulk1Error("InvalidJob", "Unable to find object: \(name)")
        }
        if options.scenarios.contains(.bulkUnsupported) || !object.bulkQueryable {
            throw Bulk1Error("InvalidEntity", "Entity '\(object.name)' is not supported by the Bulk API.")
        }
        let chunkSize = try Self.pkChunkSize(request.header("sforce-enable-pkchunking"))
        counters.increment(SalesforceCounter.bulkJobs)
        let created = now()
        let job = jobs1.create { number in
            Bulk1JobStore.Job(
                id: SalesforceID.make(prefix: "750", number: 7_000_000 + number), operation: operation, object: object,
                contentType: contentType, apiVersion: version, createdAt: created, pkChunkSize: chunkSize, modifiedAt: created)
        }
        return jobInfo1(job).response(format, status: 201)
    }

    /// `Sforce-Enable-PKChunking: TRUE | FALSE | chunkSize=N; parent=…; startRow=…` → the
    /// chunk size (default 100,000, at most 250,000), or `nil` when chunking is off.
    static func pkChunkSize(_ header: String?) throws -> Int? {
        guard let header else { return nil }
        var size = 100_000
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: " ") }
            if pair.count == 1, pair[0].lowercased() == "false" { return nil }
            if pair.count == 2, pair[0] == "chunkSize" {
                guard let value = Int(pair[1]), value > 0, value <= 250_000 else {
                    throw Bulk1Error("InvalidJob", "chunkSize must be a number from 1 to 250000, got '\(pair[1])'")
                }
                size = value
            }
        }
        return size
    }

    /// `POST /job/{id}` with `{"state": "Closed"}` or `"Aborted"` (or the XML form).
    private func updateBulk1Job(_ request: SandboxRequest, id: String, format: Bulk1Document.Format) throws -> SandboxResponse {
        let state = try jobFields(request, format: format, names: ["state"])["state"] ?? ""
        guard state == "Closed" || state == "Aborted" else {
            throw Bulk1Error("InvalidJobState", "Invalid state '\(state)': a job can only be Closed or Aborted")
        }
        guard let job = jobs1.setState(id, to: state, at: now()) else { throw Bulk1Error.invalidJob(id) }
        return jobInfo1(job).response(format)
    }

    /// The documented jobInfo fields, in the documented XML order.
    func jobInfo1(_ job: Bulk1JobStore.Job) -> Bulk1Document {
        let batches = jobs1.batches(of: job.id, poll: false)
        let states = batches.map(\.state)
        var document = Bulk1Document(root: "jobInfo")
        document.add("id", job.id)
        document.add("operation", job.operation)
        document.add("object", job.object.name)
        document.add("createdById", credentials.userID)
        document.add("createdDate", dateTime: job.createdAt)
        document.add("systemModstamp", dateTime: job.modifiedAt)
        document.add("state", job.state)
        document.add("concurrencyMode", "Parallel")
        document.add("contentType", job.contentType)
        document.add("numberBatchesQueued", states.count { $0 == "Queued" })
        document.add("numberBatchesInProgress", states.count { $0 == "InProgress" })
        document.add("numberBatchesCompleted", states.count { $0 == "Completed" })
        document.add("numberBatchesFailed", states.count { $0 == "Failed" })
        document.add("numberBatchesTotal", batches.count)
        document.add("numberRecordsProcessed", batches.reduce(0) { $0 + $1.rowCount })
        document.add("numberRetries", 0)
        document.add(version: job.apiVersion)
        document.add("numberRecordsFailed", 0)
        document.add("totalProcessingTime", batches.reduce(0) { $0 + Self.processingTime($1) })
        document.add("apiActiveProcessingTime", batches.reduce(0) { $0 + Self.processingTime($1) })
        document.add("apexProcessingTime", 0)
        return document
    }

    static func processingTime(_ batch: Bulk1JobStore.Batch) -> Int {
        batch.state == "Completed" ? 120 + batch.rowCount / 1000 : 0
    }
}
