import Foundation
import Logging
import Singer

/// One bulk export job (`bulk/v1/{leads|activities}/export/…`): create, enqueue, poll, download.
///
/// ```swift
/// let jobs = BulkExportJobs(client: client, kind: .leads, stream: "leads", logger: logger)
/// let id = try jobs.create(fields: ["id", "email"], filter: ["updatedAt": ["startAt": "…", "endAt": "…"]])
/// try jobs.waitUntilCompleted(id)
/// try jobs.download(id) { chunk in … }
/// ```
struct BulkExportJobs {
    enum Kind: String { case leads, activities }

    /// A job's status as Marketo reports it (both `Cancelled` and `Canceled` are accepted).
    enum Status: Equatable {
        case created, queued, processing, completed, failed, cancelled, other(String)
        init(_ text: String) {
            switch text.lowercased() {
            case "created": self = .created
            case "queued": self = .queued
            case "processing": self = .processing
            case "completed": self = .completed
            case "failed": self = .failed
            case "cancelled", "canceled": self = .cancelled
            default: self = .other(text)
            }
        }
    }

    let client: MarketoClient
    let kind: Kind
    let stream: String
    let logger: Logger
    var sleep: @Sendable (Duration) -> Void = { Thread.sleep(forTimeInterval: $0.seconds) }
    var now: @Sendable () -> Duration = MarketoRateLimiter.monotonicNow

    private var base: String { "bulk/v1/\(kind.rawValue)/export" }

    func create(fields: [String], filter: JSONObject) throws -> String {
        let body: JSONValue = ["format": "CSV", "fields": .array(fields.map(JSONValue.string)), "filter": .object(filter)]
        let envelope = try client.post("\(base)/create.json", json: body)
        guard let id = envelope.result.first?["exportId"]?.stringValue else {
            throw MarketoError.unexpectedResponse(endpoint: "\(base)/create.json", reason: "no result[0].exportId")
        }
        logger.info("\(stream): created bulk export \(id)")
        return id
    }

    func status(_ id: String) throws -> Status {
        let envelope = try client.get("\(base)/\(id)/status.json")
        return Status(envelope.result.first?["status"]?.stringValue ?? "")
    }

    /// Enqueues a created job and polls until it completes; throws for failed, cancelled or
    /// timed-out jobs.
    func waitUntilCompleted(_ id: String) throws {
        let deadline = now() + client.configuration.jobTimeout
        while true {
            let current = try status(id)
            switch current {
            case .completed:
                return
            case .created:
                _ = try client.post("\(base)/\(id)/enqueue.json")
                logger.info("\(stream): enqueued bulk export \(id)")
                continue
            case .failed, .cancelled:
                throw MarketoError.exportFailed(stream: stream, exportID: id, reason: "ended \(current)")
            case .queued, .processing, .other:
                break
            }
            if now() >= deadline {
                throw MarketoError.exportFailed(stream: stream, exportID: id,
                                                reason: "did not complete within job_timeout (\(client.configuration.jobTimeout))")
            }
            logger.info("\(stream): bulk export \(id) is \(current); checking again in \(client.configuration.pollInterval)")
            sleep(client.configuration.pollInterval)
        }
    }

    /// Streams the job's CSV file through `onRow` (header row first).
    func download(_ id: String, onRow: (CSVRow) throws -> Void) throws {
        var parser = CSVParser()
        try client.download("\(base)/\(id)/file.json") { chunk in
            try parser.push(chunk, onRow: onRow)
        }
        try parser.finish(onRow: onRow)
    }

    /// Whether a job from a saved state can still be used: listed as created, queued,
    /// processing or completed. Unknown ids (errors 1003/610, or gone after 7 days) are not.
    func isResumable(_ id: String) throws -> Bool {
        do {
            switch try status(id) {
            case .created, .queued, .processing, .completed: return true
            default: return false
            }
        } catch let error as MarketoError where error.isQuota {
            throw error
        } catch {
            logger.info("\(stream): saved bulk export \(id) is no longer available (\(error)); creating a new one")
            return false
        }
    }
}
