import Logging
import Singer

/// The sync half of tap-salesforce: every selected stream of the catalog, in catalog order,
/// as SCHEMA, RECORD…, STATE… on `output`.
///
/// Selection follows singer-io (`selected: true` on the stream; fields `automatic`, `selected`,
/// `selected-by-default`, and `select_fields_by_default` for the rest). A state whose
/// `current_stream` names a selected stream resumes there, skipping the streams before it, as
/// the Python tap does. State keys this tap does not write (other streams' bookmarks) are kept.
///
/// ```swift
/// let sync = SalesforceSync(client: client, configuration: configuration, catalog: catalog,
///                           state: state, output: MessageWriter(fileDescriptor: STDOUT_FILENO), logger: logger)
/// try sync.run()
/// ```
public struct SalesforceSync {
    let client: SalesforceClient
    let configuration: SalesforceConfiguration
    let catalog: Catalog
    let state: State
    let output: MessageWriter
    let logger: Logger
    let metrics: Metrics
    /// Rows per Bulk results page (`maxRecords`); tests lower it to exercise paging.
    var bulkPageRecords = BulkQueryJob.defaultMaxRecordsPerPage

    public init(
        client: SalesforceClient, configuration: SalesforceConfiguration, catalog: Catalog, state: State,
        output: MessageWriter, logger: Logger
    ) {
        self.init(client: client, configuration: configuration, catalog: catalog, state: state, output: output, logger: logger, metrics: Metrics())
    }

    /// As above, with the `METRIC:` lines going to `metrics` (tests capture them).
    public init(
        client: SalesforceClient, configuration: SalesforceConfiguration, catalog: Catalog, state: State,
        output: MessageWriter, logger: Logger, metrics: Metrics
    ) {
        self.client = client
        self.configuration = configuration
        self.catalog = catalog
        self.state = state
        self.output = output
        self.logger = logger
        self.metrics = metrics
    }

    /// Syncs every selected stream and returns the final state (also the last STATE written).
    /// On `quotaExceeded` the state of everything emitted so far is written again before the
    /// error is rethrown, so the run exits 1 with a state the next run resumes from.
    @discardableResult
    public func run() throws -> State {
        var state = self.state
        state.currentStreamKey = .currentStream
        let context = SyncContext(client: client, configuration: configuration, output: output, logger: logger, metrics: metrics)
        context.bulkPageRecords = bulkPageRecords
        let entries = catalog.selectedEntries(rule: .singerIO)
        if entries.isEmpty { logger.warning("no stream is selected in the catalog; nothing to sync") }
        var resumeAt = state.currentStream
        if let stream = resumeAt, !entries.contains(where: { $0.tapStreamID == stream }) {
            logger.info("the state's current_stream \(stream) is not selected; syncing every selected stream")
            resumeAt = nil
        }
        for entry in entries {
            if let stream = resumeAt {
                guard stream == entry.tapStreamID else {
                    logger.info("\(entry.tapStreamID): skipping, already synced before the interrupted \(stream)")
                    continue
                }
                logger.info("\(entry.tapStreamID): resuming")
                resumeAt = nil
            }
            let plan = try StreamPlan(entry: entry, selectFieldsByDefault: configuration.selectFieldsByDefault)
            do {
                try StreamSync(context: context, plan: plan).run(state: &state)
            } catch {
                if case SalesforceError.quotaExceeded = error {
                    logger.error("\(plan.tapStreamID): stopping, the API quota limit is reached; writing the state of what was synced")
                    try? context.writeState(state)
                } else {
                    logger.error("\(plan.tapStreamID): sync failed: \(error)")
                }
                throw error
            }
        }
        state.setCurrentStream(nil, key: .currentStream)
        try context.writeState(state)
        return state
    }
}
