import SandboxKit

/// Bulk API 1.0 (`/services/async/{version}/job…`): not emulated yet; answers with the
/// asyncapi XML error so a client reports it clearly.
extension SalesforceAPI {
    func bulkV1(_ request: SandboxRequest, rest: [String]) -> SandboxResponse {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><error xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\"><exceptionCode>FeatureNotEnabled</exceptionCode><exceptionMessage>Bulk API 1.0 is not emulated by this sandbox; use Bulk API 2.0</exceptionMessage></error>"
        return SandboxResponse(status: 400, contentType: "application/xml", bytes: Array(xml.utf8))
    }
}
