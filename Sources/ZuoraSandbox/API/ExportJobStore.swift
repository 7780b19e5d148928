import Singer
import Synchronization

/// One CRUD Export object (`GET /v1/object/export/{id}`).
struct ExportJob: Sendable {
    var id: String
    var name: String
    var query: String
    var fileID: String
    var size: Int
    var createdDate: String
    /// `Pending`, `Processing` or `Completed`.
    var status: String
    var polls = 0

    var json: JSONValue {
        var object: JSONObject = [
            "Id": .string(id), "Name": .string(name), "Query": .string(query), "Format": "csv", "Zip": false, "Encrypted": false,
            "Status": .string(status), "CreatedDate": .string(createdDate), "UpdatedDate": .string(createdDate),
            "CreatedById": .string(BillingGenerator.userID), "UpdatedById": .string(BillingGenerator.userID),
        ]
        if status == "Completed" {
            object["FileId"] = .string(fileID)
            object["Size"] = .int(size)
        }
        return .object(object)
    }
}

/// Export objects by id.
final class ExportJobStore: Sendable {
    private let jobs = Mutex<[String: ExportJob]>([:])

    func add(_ job: ExportJob) { jobs.withLock { $0[job.id] = job } }

    func update(_ id: String, _ change: (inout ExportJob) -> Void) -> ExportJob? {
        jobs.withLock { jobs in
            guard var job = jobs[id] else { return nil }
            change(&job)
            jobs[id] = job
            return job
        }
    }
}
