import Singer
import Synchronization

/// One AQuA batch (a query) and its result.
struct AQuABatch: Sendable {
    var name: String
    var query: String
    var batchID: String
    var fileID: String
    var recordCount: Int
    var full: Bool
}

/// One AQuA job as `GET /v1/batch-query/jobs/{id}` reports it.
struct AQuAJob: Sendable {
    var id: String
    var name: String
    var partner: String?
    var project: String?
    var version: String
    var format: String
    var startTime: String
    var batches: [AQuABatch]
    /// `submitted`, `executing`, `completed` or `cancelled`.
    var status: String
    var polls = 0

    /// The job's JSON; batch results (`fileId`, `recordCount`) appear once completed.
    var json: JSONValue {
        let done = status == "completed"
        let batchValues: [JSONValue] = batches.map { batch in
            var object: JSONObject = [
                "name": .string(batch.name), "query": .string(batch.query), "batchId": .string(batch.batchID),
                "batchType": "zoqlexport", "apiVersion": "60.0", "full": .bool(batch.full), "message": "",
                "status": .string(done ? "completed" : status == "cancelled" ? "cancelled" : "pending"),
                "recordCount": .int(done ? batch.recordCount : 0),
            ]
            if done { object["fileId"] = .string(batch.fileID) }
            return .object(object)
        }
        var object: JSONObject = [
            "id": .string(id), "name": .string(name), "version": .string(version), "format": .string(format.uppercased()),
            "status": .string(status), "encrypted": "none", "sourceData": "LIVE", "startTime": .string(startTime),
            "useLastCompletedJobQueries": false, "batches": .array(batchValues),
        ]
        if let partner { object["partner"] = .string(partner) }
        if let project { object["project"] = .string(project) }
        return .object(object)
    }
}

/// AQuA jobs and stateful sessions (per partner and project: the change round the last
/// session saw).
final class AQuAJobStore: Sendable {
    private let jobs = Mutex<[String: AQuAJob]>([:])
    private let sessions = Mutex<[String: Int]>([:])

    func add(_ job: AQuAJob) { jobs.withLock { $0[job.id] = job } }

    /// Applies `change` to job `id` and returns it, or `nil` when unknown.
    func update(_ id: String, _ change: (inout AQuAJob) -> Void) -> AQuAJob? {
        jobs.withLock { jobs in
            guard var job = jobs[id] else { return nil }
            change(&job)
            jobs[id] = job
            return job
        }
    }

    /// The round the session last saw (`nil`: a first, full session), and records `round` as seen.
    func advanceSession(partner: String, project: String, to round: Int) -> Int? {
        sessions.withLock { sessions in
            let key = partner + "\u{1F}" + project
            let previous = sessions[key]
            sessions[key] = round
            return previous
        }
    }

    /// Stateful sessions opened so far.
    var sessionCount: Int { sessions.withLock { $0.count } }
}
