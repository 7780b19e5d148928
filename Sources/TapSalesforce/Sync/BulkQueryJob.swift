import Foundation
import HTTP
import Logging
import Singer

/// One Bulk API 2.0 query job: created, polled until `JobComplete`, its CSV results streamed
/// page by page (`Sforce-Locator`) through the CSV parser, then deleted.
///
/// ```
/// POST   {dataPath}/jobs/query                 {"operation":"queryAll","query":"SELECT …"}  → {"id":"750…","state":"UploadComplete"}
/// GET    {dataPath}/jobs/query/750…            → {"state":"InProgress"} … {"state":"JobComplete"}
/// GET    {dataPath}/jobs/query/750…/results?maxRecords=50000            → CSV, Sforce-Locator: MTAwMDA
/// GET    {dataPath}/jobs/query/750…/results?maxRecords=50000&locator=MTAwMDA → CSV, Sforce-Locator: null
/// DELETE {dataPath}/jobs/query/750…
/// ```
struct BulkQueryJob {
    let client: SalesforceClient
    let plan: StreamPlan
    let logger: Logger
    let id: String
    /// Rows per results page (`maxRecords`).
    var maxRecordsPerPage = Self.defaultMaxRecordsPerPage

    /// Rows per results page: large pages mean few requests; the body is streamed, so memory
    /// does not grow with it.
    static let defaultMaxRecordsPerPage = 50_000
    /// Times a results page is fetched again after the connection dropped mid-body.
    static let pageAttempts = 3

    private var jobURL: String { client.dataPath + "/jobs/query/" + id }

    /// Creates the job (`queryAll`, so soft-deleted rows come too, as in REST).
    static func create(client: SalesforceClient, plan: StreamPlan, soql: String, logger: Logger) throws -> BulkQueryJob {
        var body = JSONWriter(capacity: soql.utf8.count + 64)
        let request: JSONObject = [
            "operation": "queryAll", "query": .string(soql), "contentType": "CSV", "columnDelimiter": "COMMA", "lineEnding": "LF",
        ]
        body.write(request)
        let url = client.dataPath + "/jobs/query"
        let response = try client.send(HTTPRequest(
            method: .post, url: url,
            headers: ["Content-Type": "application/json; charset=UTF-8", "Accept": "application/json"],
            body: Data(body.bytes)))
        var parser = JSONParser()
        let json = try? parser.parse(response.body)
        guard let id = json?["id"]?.stringValue, !id.isEmpty else {
            throw SyncError.unexpectedResponse(stream: plan.stream, endpoint: "POST " + url, reason: "the job has no \"id\"")
        }
        logger.info("\(plan.stream): Bulk API 2.0 job \(id) created")
        return BulkQueryJob(client: client, plan: plan, logger: logger, id: id)
    }

    /// Polls until `JobComplete`, sleeping from a quarter second up to `interval` between polls.
    /// `Failed`/`Aborted` throw with Salesforce's `errorMessage`.
    func waitForCompletion(interval: Duration, timeout: Duration) throws {
        let started = ContinuousClock.now
        var delay = min(Duration.milliseconds(250), interval)
        while true {
            let status = try client.getJSON(jobURL)
            let state = status["state"]?.stringValue ?? ""
            switch state {
            case "JobComplete":
                let processed = status["numberRecordsProcessed"].map { "\($0)" } ?? "?"
                logger.info("\(plan.stream): Bulk job \(id) complete, \(processed) records")
                return
            case "Failed", "Aborted":
                throw SyncError.bulkJobFailed(
                    stream: plan.stream, jobID: id, state: state,
                    message: status["errorMessage"]?.stringValue ?? "no errorMessage given")
            default:
                let waited = ContinuousClock.now - started
                guard waited < timeout else {
                    throw SyncError.bulkJobTimedOut(
                        stream: plan.stream, jobID: id, state: state, waitedSeconds: Int(waited.components.seconds))
                }
                Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
                delay = min(delay * 2, interval)
            }
        }
    }

    /// Streams every results page through `onRow` (header rows included: a page's first row),
    /// calling `onPageEnd` after each page. A page whose connection drops mid-body is fetched
    /// again and the rows already handed out are skipped (a locator's page never changes).
    func readResults(onRow: (CSVRow) throws -> Void, onPageEnd: (Int) throws -> Void) throws {
        var locator: String? = nil
        repeat {
            var query = [("maxRecords", String(maxRecordsPerPage))]
            if let locator { query.append(("locator", locator)) }
            let url = URLQuery(query).appended(to: jobURL + "/results")
            var delivered = 0  // data rows handed out from this page, kept across attempts
            var next: String? = nil
            for attempt in 1...Self.pageAttempts {
                var parser = CSVParser()
                var seen = 0
                do {
                    func onCSVRow(_ row: CSVRow) throws {
                        if row.number == 1 { return try onRow(row) }  // the header, on every attempt
                        seen += 1
                        if seen > delivered {
                            delivered = seen
                            try onRow(row)
                        }
                    }
                    let head = try client.stream(
                        HTTPRequest(url: url, headers: ["Accept": "text/csv"]),
                        onChunk: { chunk in try parser.push(chunk, onRow: onCSVRow) })
                    try parser.finish(onRow: onCSVRow)
                    next = head.headers["Sforce-Locator"]
                    break
                } catch let error as HTTPError where attempt < Self.pageAttempts {
                    guard case .streamInterrupted = error else { throw error }
                    logger.warning("\(plan.stream): Bulk results page of job \(id) was cut off after \(seen) rows (\(error)); fetching it again")
                }
            }
            try onPageEnd(delivered)
            locator = (next == nil || next == "null" || next?.isEmpty == true) ? nil : next
        } while locator != nil
    }

    /// Deletes the job and its results; failures are only logged (the results expire anyway).
    func delete() {
        do {
            _ = try client.send(HTTPRequest(method: .delete, url: jobURL))
        } catch {
            logger.debug("\(plan.stream): could not delete Bulk job \(id): \(error)")
        }
    }
}
