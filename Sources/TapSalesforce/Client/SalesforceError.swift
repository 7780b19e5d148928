import Singer

/// Why a Salesforce call failed, with the endpoint (secrets redacted), HTTP status and
/// Salesforce `errorCode`, and what to do about it.
///
/// ```swift
/// catch let error as SalesforceError where error.errorCode == "QUERY_TIMEOUT" { … split the window … }
/// ```
public enum SalesforceError: Error, CustomStringConvertible, Sendable {
    /// A non-2xx answer from the REST or Bulk 2.0 API, from Salesforce's JSON error array
    /// (`[{"errorCode": "INVALID_FIELD", "message": "…"}]`); `endpoint` is redacted.
    case api(status: Int, errorCode: String, message: String, endpoint: String)
    /// `quota_percent_total` or `quota_percent_per_run` reached; the sync stops cleanly (exit 1)
    /// with the state of everything emitted so far.
    case quotaExceeded(String)
    /// The OAuth token endpoint rejected the configured credentials (`invalid_grant`, …), or
    /// the credentials cannot be used (an unreadable private key). Exit 2: fix the config.
    case authentication(String)
    /// A response that is not what the API documents (not JSON, missing keys).
    case unexpectedResponse(endpoint: String, reason: String)

    /// Salesforce's `errorCode` (`QUERY_TIMEOUT`, `INVALID_FIELD`, `INVALID_SESSION_ID`, …),
    /// or the OAuth `error` for authentication failures when known.
    public var errorCode: String? {
        switch self {
        case .api(_, let errorCode, _, _): errorCode.isEmpty ? nil : errorCode
        case .quotaExceeded: "QUOTA_PERCENT_EXCEEDED"
        case .authentication, .unexpectedResponse: nil
        }
    }

    /// The HTTP status of an API error.
    public var status: Int? {
        if case .api(let status, _, _, _) = self { return status }
        return nil
    }

    public var description: String {
        switch self {
        case .api(let status, let errorCode, let message, let endpoint):
            let code = errorCode.isEmpty ? "" : " \(errorCode)"
            return "Salesforce answered HTTP \(status)\(code) to \(endpoint): \(message)" + Self.advice(errorCode: errorCode)
        case .quotaExceeded(let message):
            return message
        case .authentication(let message):
            return "Salesforce login failed: \(message)"
        case .unexpectedResponse(let endpoint, let reason):
            return "unexpected response from \(endpoint): \(reason)"
        }
    }

    /// What to do for the error codes users meet most.
    private static func advice(errorCode: String) -> String {
        switch errorCode {
        case "INVALID_SESSION_ID":
            " (the access token was rejected even after logging in again; check that the connected app allows API access for this user)"
        case "REQUEST_LIMIT_EXCEEDED":
            " (the org's daily API limit is used up; wait for it to recover or raise the limit)"
        case "API_DISABLED_FOR_ORG", "API_CURRENTLY_DISABLED":
            " (this org or user has no API access; the user needs the \"API Enabled\" permission)"
        case "OPERATION_TOO_LARGE":
            " (the query touches too many records for this user's sharing rules; the \"View All Data\" permission avoids it)"
        case "INVALID_FIELD", "INVALID_TYPE":
            " (the catalog names a field or object this user cannot query; run --discover again)"
        default:
            ""
        }
    }
}

extension SalesforceError: ExitStatusProviding {
    /// Rejected credentials are a configuration problem (2); everything else is a runtime failure (1).
    public var exitStatus: SingerExitStatus {
        if case .authentication = self { return .usage }
        return .failure
    }
}
