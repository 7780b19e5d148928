import Logging
import Singer

/// `--test`: logs in, reads `/limits` (or, without the permission it needs, `sobjects`) and
/// reports whether the API is reachable with these credentials.
struct ConnectionTest {
    let client: SalesforceClient
    let logger: Logger

    func run() throws {
        let session = try client.logIn()
        logger.info("Credentials accepted; instance \(session.instanceURL), API version \(client.apiVersion)")
        do {
            let limits = OrgLimits(json: try client.getJSON(client.dataPath + "/limits"))
            if let api = limits.dailyAPIRequests {
                logger.info("API access OK: \(api.remaining) of \(api.max) daily API requests remaining")
            } else {
                logger.info("API access OK")
            }
            if let (name, bulk) = limits.dailyBulkQueryJobs {
                logger.info("Bulk API: \(bulk.remaining) of \(bulk.max) \(name) remaining")
            }
        } catch let error as SalesforceError where error.status == 403 || error.status == 404 {
            // /limits needs "View Setup and Configuration"; sobjects only needs API access.
            logger.info("GET /limits is not allowed for this user (\(error.errorCode ?? "HTTP \(error.status ?? 0)")); trying sobjects")
            let count = try client.getJSON(client.dataPath + "/sobjects")["sobjects"]?.arrayValue?.count ?? 0
            logger.info("API access OK: \(count) objects visible")
        }
    }
}
