import Synchronization

/// Bulk API 1.0 query jobs and their batches. A batch's rows are fixed when it is added; its
/// state moves on as the client polls or as time passes, like ``BulkJobStore``'s jobs.
final class Bulk1JobStore: Sendable {
    struct Job: Sendable {
        let id: String
        let operation: String
        let object: ObjectDefinition
        let contentType: String
        let apiVersion: String
        let createdAt: Int64
        /// `chunkSize` from `Sforce-Enable-PKChunking`, when chunking was asked for.
        let pkChunkSize: Int?
        /// `Open`, `Closed` or `Aborted`.
        var state = "Open"
        var modifiedAt: Int64
        var batchIDs: [String] = []
    }

    struct Batch: Sendable {
        enum Outcome: Sendable {
            /// Runs to `Completed` with these rows of the query.
            case rows(CompiledQuery, [Int32])
            /// Ends `Failed` with this `stateMessage`.
            case failed(String)
            /// Ends `NotProcessed` (the original batch under PK chunking).
            case notProcessed(String)
        }

        let id: String
        let jobID: String
        let resultID: String
        let createdAt: Int64
        let started: ContinuousClock.Instant
        let outcome: Outcome
        var polls = 0

        /// `Queued` → `InProgress` (first poll or 100 ms) → `Completed` (second poll or
        /// 300 ms); `Failed` and `NotProcessed` batches settle after one poll or 100 ms.
        var state: String {
            let elapsed = ContinuousClock.now - started
            let first = polls >= 1 || elapsed >= .milliseconds(100)
            switch outcome {
            case .failed: return first ? "Failed" : "Queued"
            case .notProcessed: return first ? "NotProcessed" : "Queued"
            case .rows:
                if polls >= 2 || elapsed >= .milliseconds(300) { return "Completed" }
                return first ? "InProgress" : "Queued"
            }
        }

        var stateMessage: String? {
            switch outcome {
            case .failed(let message), .notProcessed(let message): state == "Queued" ? nil : message
            case .rows: nil
            }
        }

        var rowCount: Int {
            if case .rows(_, let rows) = outcome, state == "Completed" { return rows.count }
            return 0
        }
    }

    private let storage = Mutex<(jobs: [String: Job], batches: [String: Batch], jobCount: Int, batchCount: Int)>(([:], [:], 0, 0))

    /// Adds a job; `makeJob` turns the job's sequence number into the job.
    func create(_ makeJob: (Int) -> Job) -> Job {
        storage.withLock { state in
            state.jobCount += 1
            let job = makeJob(state.jobCount)
            state.jobs[job.id] = job
            return job
        }
    }

    func job(_ id: String) -> Job? { storage.withLock { $0.jobs[id] } }

    /// Sets an open job's state (`Closed` or `Aborted`); `nil` when the job is unknown.
    func setState(_ id: String, to newState: String, at time: Int64) -> Job? {
        storage.withLock { state in
            guard state.jobs[id] != nil else { return nil }
            if state.jobs[id]?.state == "Open" {
                state.jobs[id]?.state = newState
                state.jobs[id]?.modifiedAt = time
            }
            return state.jobs[id]
        }
    }

    /// Adds batches to an open job; `makeBatches` turns the first batch's sequence number
    /// into the batches. `nil` when the job is unknown, the job alone when it is not open.
    func addBatches(to jobID: String, _ makeBatches: (Int) -> [Batch]) -> (job: Job, batches: [Batch])? {
        storage.withLock { state in
            guard let job = state.jobs[jobID] else { return nil }
            guard job.state == "Open" else { return (job, []) }
            let batches = makeBatches(state.batchCount + 1)
            state.batchCount += batches.count
            for batch in batches {
                state.batches[batch.id] = batch
                state.jobs[jobID]?.batchIDs.append(batch.id)
            }
            return (state.jobs[jobID] ?? job, batches)
        }
    }

    /// The job's batches in creation order, counting a poll on each when `poll` is set.
    func batches(of jobID: String, poll: Bool) -> [Batch] {
        storage.withLock { state in
            guard let ids = state.jobs[jobID]?.batchIDs else { return [] }
            return ids.compactMap { id in
                if poll { state.batches[id]?.polls += 1 }
                return state.batches[id]
            }
        }
    }

    /// One batch of a job, counting a poll when `poll` is set.
    func batch(_ id: String, of jobID: String, poll: Bool) -> Batch? {
        storage.withLock { state in
            guard state.batches[id]?.jobID == jobID else { return nil }
            if poll { state.batches[id]?.polls += 1 }
            return state.batches[id]
        }
    }
}
