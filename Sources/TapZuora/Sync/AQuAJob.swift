import Singer

/// One AQuA batch-query job for a stream: the request body the Python tap sends, its
/// submission, polling, and the file ids of the completed job.
struct AQuAJob {
    let client: ZuoraClient
    let plan: StreamPlan

    /// The `POST /v1/batch-query/` body (every scalar a string, as the Python tap sends it).
    static func requestBody(plan: StreamPlan, partner: String, version: Int, incrementalTime: String?) -> JSONValue {
        let name = "\(plan.stream)_\(version)"
        var query: JSONObject = ["name": .string(name), "query": .string(ZOQL.aquaQuery(plan)), "type": "zoqlexport"]
        if plan.includesDeleted { query["deleted"] = ["column": "Deleted", "format": "Boolean"] }
        var body: JSONObject = [
            "name": .string(name), "partner": .string(partner), "project": .string(name), "format": "csv", "version": "1.2",
            "encrypted": "none", "useQueryLabels": "true", "dateTimeUtc": "true", "queries": [.object(query)],
        ]
        if let incrementalTime { body["incrementalTime"] = .string(incrementalTime) }
        return .object(body)
    }

    /// Submits the job and waits for it; returns the ids of the files to download, in order.
    func run(body: JSONValue, poller: JobPoller) throws -> [String] {
        let submitted = try client.postJSON("v1/batch-query/", body: body)
        if let message = submitted["message"]?.stringValue, !message.isEmpty {
            throw ZuoraError.exportFailed(stream: plan.stream, reason: message)
        }
        guard let id = submitted["id"]?.stringValue else {
            throw ZuoraError.unexpectedResponse(endpoint: "POST v1/batch-query/", reason: "no job id")
        }
        client.logger.info("\(plan.stream): AQuA job \(id) submitted")
        let job = try poller.wait(onTimeout: {
            ZuoraError.jobTimedOut(stream: plan.stream, jobID: id, seconds: Int(poller.timeout.components.seconds))
        }) { () throws -> JSONValue? in
            let job = try client.getJSON("v1/batch-query/jobs/\(id)")
            switch job["status"]?.stringValue?.lowercased() {
            case "completed":
                return job
            case "failed", "error", "aborted", "cancelled", "canceled":
                let reason = job["batches"]?[0]?["message"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
                    ?? "job \(id) \(job["status"]?.stringValue ?? "")"
                throw ZuoraError.exportFailed(stream: plan.stream, reason: reason)
            default:
                return nil
            }
        }
        let batch = job["batches"]?[0]
        let full = batch?["full"]?.boolValue.map { $0 ? "full" : "incremental" } ?? "unknown"
        client.logger.info("\(plan.stream): AQuA job \(id) completed (\(full) load, \(batch?["recordCount"]?.intValue ?? 0) records)")
        if let segments = batch?["segments"]?.arrayValue, !segments.isEmpty {
            return segments.compactMap(\.stringValue)
        }
        return batch?["fileId"]?.stringValue.map { [$0] } ?? []
    }
}
