import Dispatch

/// Runs a sandbox server's tasks on its own dispatch queue instead of Swift's shared
/// cooperative pool.
///
/// Tests call the sandbox through blocking clients (libcurl), and Swift Testing runs them on
/// the cooperative pool, which has one thread per core. On a 2-core machine two such calls
/// would occupy the whole pool and leave the in-process server no thread to answer them with:
/// every request then waits for its timeout. A dedicated queue (serial queues overcommit, so
/// it always gets a thread) keeps the server answering whatever its clients do.
final class SandboxExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
