import Synchronization

/// Bulk extract jobs with Marketo's limits: 2 processing at once, 10 queued counting the
/// processing ones, and a daily byte allocation; any of these answers 1029.
final class ExportStore: Sendable {
    static let maxProcessing = 2
    static let maxQueued = 10

    private struct State {
        var jobs: [String: ExportJob] = [:]
        var order: [String] = []
        var exportedBytes = 0
        var next = 0
    }

    private let state = Mutex(State())
    let dailyBytes: Int
    let pollsToComplete: Int

    init(dailyBytes: Int, pollsToComplete: Int) {
        self.dailyBytes = dailyBytes
        self.pollsToComplete = pollsToComplete
    }

    /// Bytes of export files written today.
    var exportedBytes: Int { state.withLock { $0.exportedBytes } }

    func create(_ spec: ExportJob.Spec, now: Int) throws(MarketoError) -> ExportJob {
        try state.withLock { (state: inout State) throws(MarketoError) -> ExportJob in
            if state.exportedBytes >= dailyBytes { throw Self.quotaExceeded(dailyBytes) }
            state.next += 1
            let hex = String(state.next, radix: 16)
            let id = "\(String(repeating: "0", count: max(0, 8 - hex.count)))\(hex)-5a1e-4b0c-9d2e-\(spec.kind == .leads ? "1ead" : "ac71")00000000"
            let job = ExportJob(id: id, spec: spec, status: "Created", createdAt: now)
            state.jobs[id] = job
            state.order.append(id)
            return job
        }
    }

    func job(_ id: String, kind: ExportJob.Kind) -> ExportJob? {
        state.withLock { state in state.jobs[id].flatMap { $0.spec.kind == kind ? $0 : nil } }
    }

    /// Jobs of `kind` whose status is in `statuses` (all when empty), oldest first.
    func list(kind: ExportJob.Kind, statuses: Set<String>) -> [ExportJob] {
        state.withLock { state in
            state.order.compactMap { state.jobs[$0] }.filter { $0.spec.kind == kind && (statuses.isEmpty || statuses.contains($0.status)) }
        }
    }

    /// Created → Queued; `produce` writes the file when the job completes at once.
    func enqueue(_ id: String, kind: ExportJob.Kind, now: Int, produce: (ExportJob.Spec) -> (bytes: [UInt8], rows: Int)) throws(MarketoError) -> ExportJob {
        try state.withLock { (state: inout State) throws(MarketoError) -> ExportJob in
            guard var job = state.jobs[id], job.spec.kind == kind else { throw MarketoError.invalidValue("Export id \(id) not found") }
            guard job.status == "Created" else { throw MarketoError(code: "1029", message: "Export Job \(id) already queued") }
            if state.exportedBytes >= dailyBytes { throw Self.quotaExceeded(dailyBytes) }
            let waiting = state.jobs.values.filter { $0.status == "Queued" || $0.status == "Processing" }.count
            if waiting >= Self.maxQueued { throw MarketoError(code: "1029", message: "Too many jobs (\(Self.maxQueued)) in queue") }
            job.status = "Queued"
            job.queuedAt = now
            if pollsToComplete == 0 { Self.complete(&job, now: now, state: &state, produce: produce) }
            state.jobs[id] = job
            return job
        }
    }

    /// A status poll: moves a queued job to Processing when a slot is free, and completes
    /// a processing job after ``pollsToComplete`` polls.
    func poll(_ id: String, kind: ExportJob.Kind, now: Int, produce: (ExportJob.Spec) -> (bytes: [UInt8], rows: Int)) -> ExportJob? {
        state.withLock { state in
            guard var job = state.jobs[id], job.spec.kind == kind else { return nil }
            if job.status == "Queued" {
                let running = state.jobs.values.filter { $0.status == "Processing" }.count
                if running < Self.maxProcessing {
                    job.status = "Processing"
                    job.startedAt = now
                }
            }
            if job.status == "Processing" {
                job.polls += 1
                if job.polls >= pollsToComplete { Self.complete(&job, now: now, state: &state, produce: produce) }
            }
            state.jobs[id] = job
            return job
        }
    }

    func cancel(_ id: String, kind: ExportJob.Kind) -> ExportJob? {
        state.withLock { state in
            guard var job = state.jobs[id], job.spec.kind == kind else { return nil }
            if ["Created", "Queued", "Processing"].contains(job.status) { job.status = "Cancelled" }
            state.jobs[id] = job
            return job
        }
    }

    private static func complete(_ job: inout ExportJob, now: Int, state: inout State, produce: (ExportJob.Spec) -> (bytes: [UInt8], rows: Int)) {
        let output = produce(job.spec)
        job.file = output.bytes
        job.fileChecksum = "sha256:" + SHA256.hex(output.bytes)
        job.numberOfRecords = output.rows
        job.status = "Completed"
        job.startedAt = job.startedAt ?? now
        job.finishedAt = now
        state.exportedBytes += output.bytes.count
    }

    private static func quotaExceeded(_ bytes: Int) -> MarketoError {
        MarketoError(code: "1029", message: "Export daily quota \(bytes) bytes exceeded")
    }
}
