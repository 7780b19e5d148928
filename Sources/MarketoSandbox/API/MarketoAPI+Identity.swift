import SandboxKit
import Singer

/// `GET /identity/oauth/token?grant_type=client_credentials&client_id=…&client_secret=…`
/// (POST with the same fields as a form is accepted too). Answers
/// `{"access_token":"…:ab","token_type":"bearer","expires_in":3599,"scope":"…"}`; bad
/// credentials give HTTP 401 `{"error":"unauthorized","error_description":"…"}`.
extension MarketoAPI {
    func identity(_ request: SandboxRequest) -> SandboxResponse {
        counters.increment(MarketoCounter.identityCalls)
        var fields = request.query
        if request.method == "POST", request.header("Content-Type")?.contains("x-www-form-urlencoded") == true {
            fields.pairs += FormFields(encoded: request.bodyText).pairs
        }
        guard request.method == "GET" || request.method == "POST" else {
            return .json(status: 405, #"{"error":"method_not_allowed","error_description":"Use GET"}"#)
        }
        guard let grant = fields["grant_type"] else {
            return oauthError(400, "invalid_request", "Missing grant type")
        }
        guard grant == "client_credentials" else {
            return oauthError(400, "unsupported_grant_type", "Unsupported grant type: \(grant)")
        }
        guard let clientID = fields["client_id"], clientID == credentials.clientID else {
            return oauthError(401, "unauthorized", "No client with requested id: \(fields["client_id"] ?? "")")
        }
        guard fields["client_secret"] == credentials.clientSecret else {
            return oauthError(401, "unauthorized", "Bad client credentials")
        }
        let issued = tokens.issue(now: now())
        if issued.minted { counters.increment(MarketoCounter.tokensIssued) }
        return .json(JSONWriter.string(from: [
            "access_token": .string(issued.token), "token_type": "bearer", "expires_in": .int(issued.expiresIn),
            "scope": "apis@sandbox.example.org",
        ]))
    }

    private func oauthError(_ status: Int, _ error: String, _ description: String) -> SandboxResponse {
        .json(status: status, JSONWriter.string(from: ["error": .string(error), "error_description": .string(description)]))
    }
}
