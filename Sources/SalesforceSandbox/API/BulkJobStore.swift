import Synchronization

/// Bulk query jobs (API 2.0 and 1.0): the query's rows fixed at creation, and a state that
/// moves on as the client polls or as time passes, quickly, like a small real job.
final class BulkJobStore: Sendable {
    struct Job: Sendable {
        let id: String
        let operation: String
        let query: CompiledQuery
        let rows: [Int32]
        let createdAt: Int64
        let started: ContinuousClock.Instant
        let columnDelimiter: String
        let lineEnding: String
        let apiVersion: String
        var polls = 0
        var aborted = false

        /// `UploadComplete` → `InProgress` (first poll or 100 ms) → `JobComplete` (second
        /// poll or 300 ms); `Aborted` once aborted.
        var state: String {
            if aborted { return "Aborted" }
            let elapsed = ContinuousClock.now - started
            if polls >= 2 || elapsed >= .milliseconds(300) { return "JobComplete" }
            if polls >= 1 || elapsed >= .milliseconds(100) { return "InProgress" }
            return "UploadComplete"
        }
    }

    private let jobs = Mutex<(byID: [String: Job], order: [String], created: Int)>(([:], [], 0))

    /// Adds a job; `makeID` turns the job's sequence number into its ID.
    func create(_ makeJob: (Int) -> Job) -> Job {
        jobs.withLock { state in
            state.created += 1
            let job = makeJob(state.created)
            state.byID[job.id] = job
            state.order.append(job.id)
            return job
        }
    }

    func job(_ id: String) -> Job? { jobs.withLock { $0.byID[id] } }

    /// Counts a status poll and returns the job as it now stands.
    func poll(_ id: String) -> Job? {
        jobs.withLock { state in
            state.byID[id]?.polls += 1
            return state.byID[id]
        }
    }

    func abort(_ id: String) -> Job? {
        jobs.withLock { state in
            state.byID[id]?.aborted = true
            return state.byID[id]
        }
    }

    func delete(_ id: String) -> Bool {
        jobs.withLock { state in
            guard state.byID.removeValue(forKey: id) != nil else { return false }
            state.order.removeAll { $0 == id }
            return true
        }
    }

    var all: [Job] { jobs.withLock { state in state.order.compactMap { state.byID[$0] } } }
}
