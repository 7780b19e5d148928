import Singer

/// Why a Marketo call or sync failed; every case says where and what to do. All exit 1.
public enum MarketoError: Error, Sendable, CustomStringConvertible, ExitStatusProviding {
    /// `success: false` with an error code Marketo documents (603, 604, 609, 610, 611, 7xx, 1xxx…).
    case api(code: String, message: String, endpoint: String)
    /// The Identity service refused the credentials or answered something unusable.
    case authentication(String)
    /// The subscription's calls today reached `max_daily_calls`, or Marketo answered 607.
    case dailyQuotaExceeded(String)
    /// Marketo answered 1029: export queue full or the daily 500 MB export allocation used up.
    case exportQuotaExceeded(endpoint: String, message: String)
    /// 606/615 kept coming back after every pause.
    case rateLimited(endpoint: String, message: String)
    /// A bulk export job ended `Failed` or `Cancelled`, or outlived `job_timeout`.
    case exportFailed(stream: String, exportID: String, reason: String)
    /// A body that is not Marketo's envelope.
    case unexpectedResponse(endpoint: String, reason: String)

    public var exitStatus: SingerExitStatus { .failure }

    /// The Marketo error code, when there is one.
    public var code: String? {
        switch self {
        case .api(let code, _, _): code
        case .exportQuotaExceeded: "1029"
        default: nil
        }
    }

    /// Whether the run stopped on a quota and the state written so far resumes it.
    public var isQuota: Bool {
        switch self {
        case .dailyQuotaExceeded, .exportQuotaExceeded: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .api(let code, let message, let endpoint):
            return "Marketo error \(code) on \(endpoint): \(message)" + Self.advice(code)
        case .authentication(let reason):
            return "Marketo authentication failed: \(reason). Check client_id, client_secret, endpoint and identity "
                + "(Admin → LaunchPoint → View Details, and Admin → Web Services)."
        case .dailyQuotaExceeded(let reason):
            return "\(reason). The state written so far resumes the sync; run again after the quota resets "
                + "(12:00 AM US Central) or raise max_daily_calls."
        case .exportQuotaExceeded(let endpoint, let message):
            return "Marketo error 1029 on \(endpoint): \(message). The bulk export queue is full or today's 500 MB "
                + "export allocation is used up; the state written so far (with any export_id) resumes the sync "
                + "after midnight US Central."
        case .rateLimited(let endpoint, let message):
            return "Marketo kept rejecting \(endpoint) with \(message) after pausing; another integration may be "
                + "using the subscription's 100 calls per 20 seconds."
        case .exportFailed(let stream, let exportID, let reason):
            return "bulk export \(exportID) for stream '\(stream)' \(reason); the next run creates a new export."
        case .unexpectedResponse(let endpoint, let reason):
            return "unexpected answer from Marketo \(endpoint): \(reason)"
        }
    }

    private static func advice(_ code: String) -> String {
        switch code {
        case "603": " (access denied: give the API user's role the permission this call needs)"
        case "604", "608", "611", "713": " (a temporary Marketo problem; run again later)"
        case "610": " (resource not found: check the endpoint URL)"
        case "1035": " (this filter type is not enabled on the subscription)"
        default: ""
        }
    }
}
