import Foundation
import Logging
import Singer

/// What every stream's sync shares in one run: the client, settings, stdout, the JSON parser's
/// reusable tape, and the count of Bulk jobs started (for `quota_percent_per_run`).
final class SyncContext {
    let client: SalesforceClient
    let configuration: SalesforceConfiguration
    let output: MessageWriter
    let logger: Logger
    let metrics: Metrics
    var parser = JSONParser()
    var bulkJobsStarted = 0
    var bulkPageRecords = BulkQueryJob.defaultMaxRecordsPerPage

    init(client: SalesforceClient, configuration: SalesforceConfiguration, output: MessageWriter, logger: Logger, metrics: Metrics) {
        self.client = client
        self.configuration = configuration
        self.output = output
        self.logger = logger
        self.metrics = metrics
    }

    /// `start_date` as an instant: the original text when it parses, else the parsed `Date`.
    var startDate: SyncInstant? {
        if let text = configuration.startDateText, let instant = SyncInstant(text) { return instant }
        guard let date = configuration.startDate else { return nil }
        return SyncInstant(microseconds: Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
    }

    /// Writes the state as a STATE message (which flushes stdout).
    func writeState(_ state: State) throws {
        try output.write(.state(StateMessage(value: state.json)))
    }
}
