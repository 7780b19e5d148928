import Foundation
import HTTP
import Logging

/// A ``QuotaGuard`` shared by a client's requests and its metrics hook, logging usage now and then.
final class QuotaTracker: @unchecked Sendable {
    /// Usage is logged at info level every this many requests (and when first reported).
    static let logEvery = 500

    private let lock = NSLock()
    private var state: QuotaGuard
    private var loggedFirstUsage = false
    private let logger: Logger

    init(guard initial: QuotaGuard, logger: Logger) {
        state = initial
        self.logger = logger
    }

    var current: QuotaGuard { lock.withLock { state } }

    func countRequest() {
        let summary: String? = lock.withLock {
            state.recordRequest()
            return state.requestsThisRun % Self.logEvery == 0 ? state.summary : nil
        }
        if let summary { logger.info("\(summary)") }
    }

    func observe(_ headers: HTTPHeaders) {
        guard let header = headers["Sforce-Limit-Info"], let usage = APIUsage(header: header) else { return }
        observe(usage)
    }

    func observe(_ usage: APIUsage) {
        let summary: String? = lock.withLock {
            state.record(usage)
            defer { loggedFirstUsage = true }
            return loggedFirstUsage ? nil : state.summary
        }
        if let summary { logger.info("\(summary)") }
    }

    func check() throws(SalesforceError) {
        let current = lock.withLock { state }
        try current.check()
    }
}
