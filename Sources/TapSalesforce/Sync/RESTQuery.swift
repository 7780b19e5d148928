import Foundation
import HTTP
import Singer

/// Runs one SOQL query through the REST `queryAll` resource (deleted rows included, with
/// `IsDeleted`), following `nextRecordsUrl` until it is absent, and writes each page's records
/// as RECORD lines straight from the page's JSON tape.
///
/// ```
/// GET {dataPath}/queryAll?q=SELECT%20Id%2C…       → {"records":[…],"nextRecordsUrl":"/services/data/v61.0/query/01g…-2000"}
/// GET /services/data/v61.0/query/01g…-2000         → {"records":[…],"done":true}
/// ```
struct RESTQuery {
    let client: SalesforceClient
    let plan: StreamPlan

    /// Runs `soql`; after each page's records are written, `onPage` gets the page's record
    /// count and the highest replication-key value so far.
    func run(
        soql: String, encoder: inout RecordEncoder, parser: inout JSONParser, output: MessageWriter,
        onPage: (Int, [UInt8]) throws -> Void
    ) throws {
        var url: String? = URLQuery([("q", soql)]).appended(to: client.dataPath + "/queryAll")
        while let pageURL = url {
            let response = try client.send(HTTPRequest(url: pageURL, headers: ["Accept": "application/json"]))
            var count = 0
            url = try response.body.withUnsafeBytes { body in
                do {
                    return try parser.withDocument(body) { page -> String? in
                        guard let records = page.member("records"), records.kind == .array else {
                            throw SyncError.unexpectedResponse(
                                stream: plan.stream, endpoint: Self.endpoint(pageURL), reason: "no \"records\" array in the query page")
                        }
                        try records.forEachElement { record in
                            try encoder.encode(restRecord: record)
                            try output.writeRaw(encoder.line.bytes)
                            count += 1
                        }
                        return page.member("nextRecordsUrl")?.stringValue
                    }
                } catch let error as JSONParseError {
                    throw SyncError.unexpectedResponse(
                        stream: plan.stream, endpoint: Self.endpoint(pageURL), reason: "the query page is not JSON (\(error))")
                }
            }
            try onPage(count, encoder.highestKey)
        }
    }

    /// The URL without its query string: SOQL is long and says nothing the log does not.
    static func endpoint(_ url: String) -> String {
        url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    }
}
