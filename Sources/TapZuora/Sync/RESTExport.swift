import Singer

/// One CRUD export (`POST /v1/object/export`) and its file id once it completed.
struct RESTExport {
    let client: ZuoraClient
    let plan: StreamPlan

    func run(query: String, poller: JobPoller) throws -> String? {
        let created = try client.postJSON("v1/object/export", body: ["Format": "csv", "Query": .string(query)], repeatable: true)
        guard created["Success"]?.boolValue == true, let id = created["Id"]?.stringValue else {
            let reason = created["Errors"]?[0]?["Message"]?.stringValue ?? JSONWriter.string(from: created)
            throw ZuoraError.exportFailed(stream: plan.stream, reason: reason)
        }
        return try poller.wait(onTimeout: {
            ZuoraError.jobTimedOut(stream: plan.stream, jobID: id, seconds: Int(poller.timeout.components.seconds))
        }) { () throws -> String?? in
            let export = try client.getJSON("v1/object/export/\(id)")
            switch export["Status"]?.stringValue {
            case "Completed": return .some(export["FileId"]?.stringValue)
            case "Cancelled", "Failed":
                throw ZuoraError.exportFailed(stream: plan.stream, reason: export["StatusReason"]?.stringValue ?? "export \(id) failed")
            default: return nil
            }
        }
    }
}
