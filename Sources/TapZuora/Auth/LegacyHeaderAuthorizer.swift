import HTTP

/// Zuora's legacy basic credentials: `apiAccessKeyId` and `apiSecretAccessKey` on every call.
/// A 401 cannot be cured by renewing them, so it is final.
struct LegacyHeaderAuthorizer: HTTPAuthorizer {
    let username: String
    let password: String

    func authorizationHeaders() throws -> HTTPHeaders {
        ["apiAccessKeyId": username, "apiSecretAccessKey": password]
    }

    func renew(after failure: HTTPStatusFailure, rejected: HTTPHeaders) throws -> Bool { false }
}
