import Logging
import Singer

/// Syncs the selected streams of a catalog: SCHEMA, RECORD… and STATE in the singer-io
/// tap-marketo shape, resuming at `currently_syncing` (streams before it completed already).
///
/// ```swift
/// try MarketoSync(client: client, catalog: catalog, state: state, output: writer, logger: logger).run()
/// ```
public struct MarketoSync {
    let client: MarketoClient
    let catalog: Catalog
    let output: MessageWriter
    let logger: Logger
    var state: State
    /// Replaces the pause between bulk job polls (tests).
    public var sleep: (@Sendable (Duration) -> Void)?
    /// The moment the run treats as now (tests); the real clock by default.
    public var runStart: RFC3339.DateTime?

    public init(client: MarketoClient, catalog: Catalog, state: State, output: MessageWriter, logger: Logger) {
        self.client = client
        self.catalog = catalog
        self.state = state
        self.output = output
        self.logger = logger
    }

    /// The bookmark key of a stream. Catalogs from the Python tap may lack `replication-key`
    /// (its activity streams even say FULL_TABLE), so the key follows from the stream's kind.
    static func bookmarkKey(_ entry: CatalogEntry) -> String? {
        let stream = entry.tapStreamID
        if stream.hasPrefix("activities_") || stream == "deleted_leads" { return "activityDate" }
        if ["leads", "campaigns", "lists", "programs"].contains(stream) { return "updatedAt" }
        return nil
    }

    /// Runs the sync; on a quota stop (607, 1029, max_daily_calls) the last STATE written resumes it.
    @discardableResult
    public func run() throws -> State {
        var state = self.state
        state.currentStreamKey = .currentlySyncing
        let context = SyncContext(client: client, state: state, output: output, logger: logger, runStart: runStart ?? .now())
        if let sleep { context.sleep = sleep }
        // Like the Python tap's validate_state: every incremental stream starts at start_date.
        for entry in catalog.streams {
            guard let key = Self.bookmarkKey(entry) else { continue }
            if context.state.bookmark(stream: entry.tapStreamID, key: key) == nil {
                context.setBookmark(entry.tapStreamID, key, .string(client.configuration.startDate))
            }
        }
        try context.emitState()
        for entry in catalog.selectedEntries(rule: .singerIO, resumingFrom: context.state, order: .skipEarlier) {
            let stream = entry.tapStreamID
            logger.info("\(stream): syncing")
            context.state.currentStream = stream
            try context.emitState()
            let schema = entry.selectedSchema(rule: .singerIO)
            let replicationKey = Self.bookmarkKey(entry)
            try output.write(.schema(SchemaMessage(
                stream: stream, schema: schema, keyProperties: entry.keyProperties,
                bookmarkProperties: replicationKey.map { [$0] })))
            if stream == "leads" || stream.hasPrefix("activities_") {
                try BulkStreamSync(context: context, entry: entry).run()
            } else {
                try RESTStreamSync(context: context, entry: entry).run()
            }
        }
        context.state.currentStream = nil
        try context.emitState()
        try output.flush()
        logger.info("sync finished after \(client.callsThisRun) Marketo calls")
        return context.state
    }
}
