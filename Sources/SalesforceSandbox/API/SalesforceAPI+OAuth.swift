import Crypto
import Foundation
import SandboxKit
import Singer

/// `POST /services/oauth2/token`: the refresh-token, password and JWT bearer grants, with
/// Salesforce's success body (`access_token`, `instance_url`, `id`, `token_type`,
/// `issued_at` as a string of milliseconds, `signature`) and OAuth error bodies.
extension SalesforceAPI {
    func token(_ request: SandboxRequest) -> SandboxResponse {
        let form = FormFields(encoded: request.bodyText)
        func refuse(_ error: String, _ description: String, status: Int = 400) -> SandboxResponse {
            counters.increment(SalesforceCounter.loginFailures)
            return .json(status: status, value: ["error": .string(error), "error_description": .string(description)])
        }
        guard let grant = form["grant_type"], !grant.isEmpty else { return refuse("unsupported_grant_type", "grant type not supported") }
        switch grant {
        case "refresh_token":
            guard form["client_id"] == credentials.clientID else { return refuse("invalid_client_id", "client identifier invalid") }
            if let secret = form["client_secret"], secret != credentials.clientSecret { return refuse("invalid_client", "invalid client credentials") }
            guard let presented = form["refresh_token"], refreshTokens.withLock({ $0.contains(presented) }) else {
                return refuse("invalid_grant", "expired access/refresh token")
            }
            var rotated: String?
            if options.rotatesRefreshTokens {
                let next = mint(prefix: "5Aep861", length: 87)
                refreshTokens.withLock { tokens in
                    tokens.remove(presented)
                    tokens.insert(next)
                }
                rotated = next
            }
            counters.increment(SalesforceCounter.refreshTokenLogins)
            return issue(scope: "refresh_token api", refreshToken: rotated)
        case "password":
            guard form["client_id"] == credentials.clientID else { return refuse("invalid_client_id", "client identifier invalid") }
            guard form["client_secret"] == credentials.clientSecret else { return refuse("invalid_client", "invalid client credentials") }
            guard form["username"] == credentials.username, form["password"] == credentials.password + credentials.securityToken else {
                return refuse("invalid_grant", "authentication failure")
            }
            counters.increment(SalesforceCounter.passwordLogins)
            return issue(scope: nil, refreshToken: nil)
        case "urn:ietf:params:oauth:grant-type:jwt-bearer":
            guard let assertion = form["assertion"], let jwtVerifier else { return refuse("invalid_grant", "invalid assertion") }
            let audiences = [baseURL, "https://login.salesforce.com", "https://test.salesforce.com"]
            do {
                _ = try jwtVerifier.verify(assertion, clientID: credentials.clientID, username: credentials.username, audiences: audiences, nowSeconds: options.clock.nowSeconds())
            } catch {
                return refuse(error.error, error.description)
            }
            counters.increment(SalesforceCounter.jwtLogins)
            return issue(scope: "api", refreshToken: nil)
        default:
            return refuse("unsupported_grant_type", "grant type not supported")
        }
    }

    private func issue(scope: String?, refreshToken: String?) -> SandboxResponse {
        counters.increment(SalesforceCounter.logins)
        let accessToken = mint(prefix: credentials.organizationID.prefix(15) + "!AQ", length: 112)
        tokens.register(accessToken)
        let issuedAt = String(now())
        let identity = "\(baseURL)/id/\(credentials.organizationID)/\(credentials.userID)"
        let key = SymmetricKey(data: Data(credentials.clientSecret.utf8))
        let signature = Data(HMAC<SHA256>.authenticationCode(for: Data((identity + issuedAt).utf8), using: key)).base64EncodedString()
        var body = JSONObject()
        body.append(key: "access_token", value: .string(accessToken))
        if let refreshToken { body.append(key: "refresh_token", value: .string(refreshToken)) }
        body.append(key: "signature", value: .string(signature))
        if let scope { body.append(key: "scope", value: .string(scope)) }
        body.append(key: "instance_url", value: .string(baseURL))
        body.append(key: "id", value: .string(identity))
        body.append(key: "token_type", value: "Bearer")
        body.append(key: "issued_at", value: .string(issuedAt))
        return .json(value: .object(body))
    }
}
