import Singer

/// One stream's queries, window by window, in either mode, with what happens after each page:
/// progress and `record_count`, the bookmark, and a STATE.
///
/// REST (`ORDER BY K ASC`): the bookmark follows the rows page by page, so an interrupted run
/// resumes at the last page.
///
/// Bulk (no ORDER BY; Salesforce's PK chunking needs it absent, so rows come in no order):
/// the highest key of a page says nothing about rows still to come, so the bookmark moves
/// only when a job's window is complete. STATE is still written after every results page
/// (unchanged bookmark) so a target can commit as it goes; a run interrupted mid-job
/// re-reads that job's window next time (at least once, never a gap).
struct StreamPass {
    let context: SyncContext
    let plan: StreamPlan
    let rules: BookmarkRules?
    let progress: ProgressReporter
    let counter: RecordCounter

    func runREST(window: DateWindow, encoder: inout RecordEncoder, state: inout State) throws {
        let soql = SOQLQuery.text(plan: plan, window: window, ordered: true)
        context.logger.debug("\(plan.tapStreamID): \(soql)")
        try RESTQuery(client: context.client, plan: plan).run(
            soql: soql, encoder: &encoder, parser: &context.parser, output: context.output
        ) { count, highestKey in
            try pageDone(count, highestKey: highestKey, state: &state)
        }
    }

    func runBulk(window: DateWindow, encoder: inout RecordEncoder, state: inout State) throws {
        try context.client.checkBulkQuota(jobsStartedThisRun: context.bulkJobsStarted)
        let soql = SOQLQuery.text(plan: plan, window: window, ordered: false)
        context.logger.debug("\(plan.tapStreamID): \(soql)")
        var job = try BulkQueryJob.create(client: context.client, plan: plan, soql: soql, logger: context.logger)
        job.maxRecordsPerPage = context.bulkPageRecords
        context.bulkJobsStarted += 1
        defer { job.delete() }
        let configuration = context.configuration
        try job.waitForCompletion(interval: configuration.bulkPollInterval, timeout: configuration.bulkPollTimeout)

        let output = context.output
        var columns: [Int?] = []
        var checkedHeader = false
        try job.readResults(
            onRow: { row in
                if row.number == 1 {
                    columns = encoder.columns(forHeader: row)
                    if !checkedHeader {
                        checkedHeader = true
                        try checkHeader(row, columns: columns)
                    }
                    return
                }
                try encoder.encode(csvRow: row, columns: columns)
                try output.writeRaw(encoder.line.bytes)
            },
            onPageEnd: { count in
                try pageDone(count, highestKey: nil, state: &state)
            })
        // The whole window is read: now the bookmark may move.
        rules?.advance(&state, highestKey: encoder.highestKey)
        try context.writeState(state)
    }

    /// A page is written: count it, move the bookmark (REST only: `highestKey` is `nil` for
    /// Bulk), and write a STATE.
    private func pageDone(_ count: Int, highestKey: [UInt8]?, state: inout State) throws {
        progress.advance(by: count)
        counter.increment(by: count)
        if let highestKey { rules?.advance(&state, highestKey: highestKey) }
        try context.writeState(state)
    }

    /// The header must name every queried field; a missing one would silently be absent
    /// from every record.
    private func checkHeader(_ header: CSVRow, columns: [Int?]) throws {
        let present = Set(columns.compactMap { $0 })
        let missing = plan.fields.indices.filter { !present.contains($0) }.map { plan.fields[$0].name }
        guard missing.isEmpty else {
            throw SyncError.unexpectedResponse(
                stream: plan.tapStreamID, endpoint: "Bulk API 2.0 results",
                reason: "the CSV header \(header.strings) lacks the queried fields \(missing)")
        }
    }
}
