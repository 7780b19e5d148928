import Singer

/// Why talking to Zuora failed: what, where (stream, endpoint, job or file id) and what to do.
public enum ZuoraError: Error, CustomStringConvertible, Sendable {
    /// A non-2xx answer after retries; `message` is Zuora's own text when the body had one.
    case api(status: Int, message: String, endpoint: String)
    /// A download whose connection broke after part of the body arrived.
    case interrupted(endpoint: String, reason: String)
    /// Every candidate host refused the credentials, or the token endpoint did.
    case authentication(String)
    /// An answer that is not what Zuora documents (not JSON or XML, keys missing).
    case unexpectedResponse(endpoint: String, reason: String)
    /// An AQuA job or REST export that Zuora reports failed, or that it refused to start.
    case exportFailed(stream: String, reason: String)
    /// A job still running after `job_timeout`; the state still points at the last bookmark.
    case jobTimedOut(stream: String, jobID: String, seconds: Int)
    /// `GET /v1/file/{id}` answered 404: the file expired; the next run submits a new job.
    case fileNotFound(stream: String, fileID: String)
    /// A CSV row that does not fit the stream's schema or header.
    case badRow(stream: String, row: Int, reason: String)

    public var description: String {
        switch self {
        case .api(let status, let message, let endpoint):
            "Zuora answered HTTP \(status) to \(endpoint): \(message)"
        case .interrupted(let endpoint, let reason):
            "the download of \(endpoint) broke off: \(reason)"
        case .authentication(let reason):
            "Zuora authentication failed: \(reason). Check username/password (or the OAuth client), auth_type and the data center (sandbox, european, base_url)."
        case .unexpectedResponse(let endpoint, let reason):
            "unexpected answer from Zuora \(endpoint): \(reason)"
        case .exportFailed(let stream, let reason):
            "stream \(stream): Zuora export failed: \(reason)"
        case .jobTimedOut(let stream, let jobID, let seconds):
            "stream \(stream): job \(jobID) did not complete within \(seconds) s (job_timeout); rerun later, the state keeps the last bookmark"
        case .fileNotFound(let stream, let fileID):
            "stream \(stream): export file \(fileID) no longer exists (HTTP 404); its ids were cleared from the state, rerun to export again"
        case .badRow(let stream, let row, let reason):
            "stream \(stream), CSV row \(row): \(reason)"
        }
    }
}

extension ZuoraError: ExitStatusProviding {
    public var exitStatus: SingerExitStatus {
        if case .authentication = self { return .usage }
        return .failure
    }
}
