import Foundation
import Singer

/// Syncs one selected stream: STATE with `current_stream`, SCHEMA, ACTIVATE_VERSION as the
/// Python tap emits it, the records of each date window (REST or Bulk API 2.0), a STATE after
/// every page, and the final bookmark.
///
/// Versions: an INCREMENTAL stream keeps one table version across runs (`versions.<stream>`,
/// or the older `bookmarks.<stream>.version`) and announces it at the start of every run, as
/// the Python tap does. A FULL_TABLE stream gets a new version each run, announced at the end
/// (so a target swaps the table only once it is complete) and also at the start of its very
/// first run.
struct StreamSync {
    let context: SyncContext
    let plan: StreamPlan

    enum Mode: String {
        case rest = "REST"
        case bulk = "Bulk API 2.0"
    }

    func run(state: inout State) throws {
        let output = context.output
        let logger = context.logger
        state.setCurrentStream(plan.tapStreamID, key: .currentStream)
        try context.writeState(state)
        try output.write(.schema(plan.schemaMessage))

        let syncStart = SyncInstant.now()
        let version = try announceVersion(state: &state)
        var encoder = RecordEncoder(plan: plan, version: version, timeExtracted: syncStart.singerText)
        let rules = plan.replicationKey.map { BookmarkRules(tapStreamID: plan.tapStreamID, replicationKey: $0, syncStart: syncStart) }
        let start = plan.replicationKey.flatMap { key in
            BookmarkRules.queryStart(
                state: state, tapStreamID: plan.tapStreamID, replicationKey: key,
                lookbackSeconds: context.configuration.lookbackWindow, startDate: context.startDate, logger: logger)
        }
        let pass = StreamPass(
            context: context, plan: plan, rules: rules,
            progress: ProgressReporter(stream: plan.tapStreamID, logger: logger),
            counter: context.metrics.recordCounter(endpoint: plan.tapStreamID))
        defer { pass.counter.flush() }

        var mode = initialMode()
        let replication = plan.replicationKey.map { "INCREMENTAL on \($0) from \(start?.soqlLiteral ?? "the beginning")" } ?? "FULL_TABLE"
        logger.info("\(plan.tapStreamID): syncing \(plan.fields.count) fields by \(mode.rawValue), \(replication)")
        var window = DateWindow(start: start, end: nil)
        var halvings = 0
        var width: Int64? = nil
        while true {
            do {
                switch mode {
                case .rest: try pass.runREST(window: window, encoder: &encoder, state: &state)
                case .bulk: try pass.runBulk(window: window, encoder: &encoder, state: &state)
                }
            } catch where mode == .bulk && Self.isBulkUnsupported(error) {
                logger.warning("\(plan.tapStreamID): Bulk API 2.0 cannot query this object (\(error)); using REST queryAll instead")
                mode = .rest
                continue
            } catch where Self.isQueryTimeout(error) {
                guard plan.replicationKey != nil else {
                    throw SyncError.queryTimeout(stream: plan.tapStreamID, window: "the whole object", reason: "and a FULL_TABLE stream has no date to split by")
                }
                // Rows already emitted in this window (REST is ordered) are not asked for again.
                if mode == .rest, let resume = Self.instant(encoder.highestKey), resume > (window.start ?? DateWindow.earliest),
                    resume < (window.end ?? syncStart)
                {
                    window.start = resume
                }
                guard halvings < DateWindow.maximumHalvings, let smaller = window.halved(syncStart: syncStart) else {
                    throw SyncError.queryTimeout(
                        stream: plan.tapStreamID, window: window.description,
                        reason: "after \(halvings) splits (windows are not split below one day)")
                }
                halvings += 1
                logger.warning("\(plan.tapStreamID): QUERY_TIMEOUT for \(window); retrying with \(smaller)")
                window = smaller
                width = smaller.width(syncStart: syncStart)
                continue
            }
            guard let next = window.following(width: width ?? window.width(syncStart: syncStart), syncStart: syncStart) else { break }
            halvings = 0
            window = next
        }

        if let rules {
            rules.complete(&state, highestKey: encoder.highestKey)
        } else {
            try output.write(.activateVersion(ActivateVersionMessage(stream: plan.messageStream, version: version)))
        }
        try context.writeState(state)
        pass.progress.finish()
    }

    /// The table version, written to state, with the ACTIVATE_VERSION the Python tap sends at the start.
    private func announceVersion(state: inout State) throws -> Int {
        let newVersion = Int(Date().timeIntervalSince1970 * 1000)
        let version: Int
        let announceNow: Bool
        if plan.replicationKey != nil {
            version = state.version(stream: plan.tapStreamID) ?? newVersion
            announceNow = true
        } else {
            version = newVersion
            announceNow = state.bookmark(stream: plan.tapStreamID) == nil && state.version(stream: plan.tapStreamID) == nil
        }
        state.setVersion(version, stream: plan.tapStreamID)
        if announceNow {
            try context.output.write(.activateVersion(ActivateVersionMessage(stream: plan.messageStream, version: version)))
        }
        return version
    }

    private func initialMode() -> Mode {
        guard context.configuration.apiType == .bulk else { return .rest }
        let compound = plan.compoundFields
        guard compound.isEmpty else {
            context.logger.warning(
                "\(plan.tapStreamID): Bulk queries cannot select compound fields (\(compound.joined(separator: ", "))); using REST queryAll for this stream")
            return .rest
        }
        return .bulk
    }

    private static func instant(_ normalizedKey: [UInt8]) -> SyncInstant? {
        normalizedKey.isEmpty ? nil : SyncInstant(String(decoding: normalizedKey, as: UTF8.self))
    }

    /// `QUERY_TIMEOUT` from REST, or a Bulk job that failed with it.
    static func isQueryTimeout(_ error: any Error) -> Bool {
        if let error = error as? SalesforceError { return error.errorCode == "QUERY_TIMEOUT" }
        if case SyncError.bulkJobFailed(_, _, _, let message) = error { return message.contains("QUERY_TIMEOUT") }
        return false
    }

    /// Errors meaning "Bulk cannot query this object" (INVALIDENTITY, compound fields), after
    /// which REST can still sync it.
    static func isBulkUnsupported(_ error: any Error) -> Bool {
        let code: String
        let message: String
        switch error {
        case SalesforceError.api(_, let errorCode, let text, _):
            (code, message) = (errorCode, text)
        case SyncError.bulkJobFailed(_, _, _, let text):
            (code, message) = ("", text)
        default:
            return false
        }
        let codes: Set<String> = ["INVALIDENTITY", "INVALID_ENTITY", "INVALIDJOB_UNSUPPORTED_OBJECT"]
        return codes.contains(code.uppercased()) || message.contains("not supported by the Bulk API")
            || message.contains("InvalidEntity") || message.contains("compound data not supported")
    }
}
