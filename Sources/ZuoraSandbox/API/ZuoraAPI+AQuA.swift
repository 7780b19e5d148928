import SandboxKit
import Singer

/// AQuA: `POST /v1/batch-query/` submits a job of ZOQL export queries; `GET` and `DELETE
/// /v1/batch-query/jobs/{id}` poll and cancel it. Errors come back as HTTP 200 with
/// `errorCode` and `message` (and always an `id`). Stateful mode (version ≥ 1.1 with partner
/// and project) returns everything on a session's first job and only changes (deleted rows
/// included when the query has a `deleted` section) afterwards; `incrementalTime` (US/Pacific
/// `yyyy-MM-dd HH:mm:ss`) selects rows updated at or after it instead.
extension ZuoraAPI {
    func submitAQuA(_ request: SandboxRequest) -> SandboxResponse {
        counters.increment(ZuoraCounter.aquaJobs)
        let id = mintHex()
        func refuse(_ code: Int, _ message: String) -> SandboxResponse {
            .json(value: ["id": .string(id), "status": "error", "errorCode": .string(String(code)), "message": .string(message)])
        }
        var parser = JSONParser()
        guard let body = try? parser.parse(request.body), body.objectValue != nil else {
            return refuse(90_010, "The request body is not a JSON object.")
        }
        let version = body["version"]?.stringValue ?? body["version"]?.numberValue?.description ?? "1.0"
        let format = body["format"]?.stringValue ?? "csv"
        guard format.lowercased() == "csv" else { return refuse(90_010, "Unsupported format \(format); this sandbox writes csv.") }
        let partner = body["partner"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let project = body["project"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        if let partner, partner != credentials.partnerID { return refuse(90_009, "User is not authorized.") }
        let stateful = (Double(version) ?? 1.0) >= 1.1 && partner != nil && project != nil
        guard let queries = body["queries"]?.arrayValue, !queries.isEmpty else {
            return refuse(90_016, "There are no queries included in the AQuA request.")
        }
        guard queries.count <= 50 else { return refuse(90_004, "Invalid number of queries allowed. A maximum of 50 queries are supported in an AQuA request.") }
        var incrementalTime: Int64?
        if let text = body["incrementalTime"]?.stringValue, !text.isEmpty {
            guard let seconds = CivilTime.parse(text, pacificWhenUnzoned: true) else { return refuse(90_015, "The incremental timestamp is invalid.") }
            incrementalTime = seconds
        }
        let useLabels = body["useQueryLabels"].map { $0.boolValue ?? ($0.stringValue?.lowercased() == "true") } ?? false
        let utc = body["dateTimeUtc"].map { $0.boolValue ?? ($0.stringValue?.lowercased() == "true") } ?? false

        var compiled: [(name: String, text: String, query: CompiledQuery, deleted: ZuoraRecordStore.DeletedColumn?)] = []
        for (index, entry) in queries.enumerated() {
            guard let text = entry["query"]?.stringValue, let query = try? ZOQLParser.parse(text),
                let bound = try? CompiledQuery(query, schema: store.schema)
            else {
                return refuse(90_005, "There is a syntax error in one of the queries in the AQuA input.")
            }
            var deleted: ZuoraRecordStore.DeletedColumn?
            if let section = entry["deleted"]?.objectValue {
                guard stateful else { return refuse(90_012, "Stateless AQuA does not support deleted columns.") }
                guard bound.object.supportsDeleted else {
                    return refuse(90_017, "Objects included in the queries do not support the querying of deleted records. Remove Deleted section in the JSON request and retry the request")
                }
                let column = section["column"]?.stringValue ?? "Deleted"
                deleted = .init(header: "\(bound.object.name).\(column)", numeric: section["format"]?.stringValue?.lowercased() == "numeric")
            }
            compiled.append((entry["name"]?.stringValue ?? "query\(index + 1)", text, bound, deleted))
        }

        let round = store.round
        let previousRound = stateful ? jobs.advanceSession(partner: partner ?? "", project: project ?? "", to: round) : nil
        var batches: [AQuABatch] = []
        for entry in compiled {
            let updatedIndex = entry.query.object.fieldIndex("UpdatedDate")
            let include: (ZuoraRecord) -> Bool = { record in
                if let incrementalTime, let updatedIndex {
                    guard let seconds = record.values[updatedIndex].seconds, seconds >= incrementalTime else { return false }
                    return !record.isDeleted || (entry.deleted != nil && previousRound != nil)
                }
                if let previousRound {
                    return record.round > previousRound && (!record.isDeleted || entry.deleted != nil)
                }
                return !record.isDeleted
            }
            let headers = useLabels ? entry.query.labels : entry.query.qualified
            let result = store.run(entry.query, headers: headers, style: utc ? .utc : .pacific, deleted: entry.deleted, include: include)
            let fileID = mintHex()
            files.put(fileID, result.csv)
            counters.increment(ZuoraCounter.rowsExported, by: result.rows)
            batches.append(AQuABatch(
                name: entry.name, query: entry.text, batchID: mintHex(), fileID: fileID, recordCount: result.rows,
                full: previousRound == nil && incrementalTime == nil))
        }
        let startTime = CivilTime.wall(now() / 1000, offset: CivilTime.pacificOffset(atUTC: now() / 1000), separator: " ")
        let job = AQuAJob(
            id: id, name: body["name"]?.stringValue ?? "", partner: partner, project: project, version: version, format: format,
            startTime: startTime, batches: batches, status: "submitted")
        jobs.add(job)
        return .json(value: job.json)
    }

    func aquaJob(_ id: String, cancel: Bool) throws -> SandboxResponse {
        let threshold = options.aquaPollsBeforeCompletion
        var refusedCancel = false
        let job = jobs.update(id) { job in
            if cancel {
                if job.status == "completed" { refusedCancel = true } else { job.status = "cancelled" }
                return
            }
            guard job.status == "submitted" || job.status == "executing" else { return }
            job.polls += 1
            job.status = job.polls > threshold ? "completed" : "executing"
        }
        guard let job else {
            throw ZuoraError(status: 404, body: ["errorCode": "90002", "message": "Invalid Job Id."], code: "90002")
        }
        if !cancel { counters.increment(ZuoraCounter.aquaPolls) }
        if refusedCancel {
            throw ZuoraError(status: 400, body: ["errorCode": "90003", "message": "Invalid Job Id for job cancellation."], code: "90003")
        }
        return .json(value: job.json)
    }
}
