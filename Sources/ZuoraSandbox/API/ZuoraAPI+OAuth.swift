import SandboxKit
import Singer

/// `POST /oauth/token`: the client-credentials grant (form fields `client_id`,
/// `client_secret`, `grant_type=client_credentials`).
extension ZuoraAPI {
    func token(_ request: SandboxRequest) -> SandboxResponse {
        let form = FormFields(encoded: request.bodyText)
        func refuse(_ status: Int, _ error: String, _ description: String) -> SandboxResponse {
            counters.increment(ZuoraCounter.tokenFailures)
            return .json(status: status, value: ["error": .string(error), "error_description": .string(description)])
        }
        guard form["grant_type"] == "client_credentials" else {
            return refuse(400, "unsupported_grant_type", "Unsupported grant type: \(form["grant_type"] ?? "(none)")")
        }
        guard form["client_id"] == credentials.clientID, form["client_secret"] == credentials.clientSecret else {
            return refuse(401, "invalid_client", "Bad client credentials")
        }
        let token = mintHex(32)
        tokens.register(token)
        tokenExpiry.withLock { $0[token] = now() + Int64(options.tokenLifetimeSeconds) * 1000 }
        counters.increment(ZuoraCounter.tokensIssued)
        return .json(value: [
            "access_token": .string(token), "token_type": "bearer", "expires_in": .int(options.tokenLifetimeSeconds),
            "scope": "user.sandbox tenant.9999 entity.sandbox platform.write service.usage.delete service.usage.update service.usage.write",
            "jti": .string(mintHex(32)),
        ])
    }
}
