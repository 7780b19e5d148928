import Singer

/// What stopped a stream's sync, with the stream, the place and what to do.
public enum SyncError: Error, Sendable, CustomStringConvertible, ExitStatusProviding {
    /// A value Salesforce sent does not fit the field's type.
    case invalidValue(stream: String, field: String, value: String, expected: String, source: String)
    /// The catalog cannot be synced as written (no fields, a replication key missing from the schema…).
    case invalidCatalog(stream: String, reason: String)
    /// `QUERY_TIMEOUT` persisted after the date window was split as far as allowed.
    case queryTimeout(stream: String, window: String, reason: String)
    /// A Bulk API 2.0 job ended `Failed` or `Aborted`.
    case bulkJobFailed(stream: String, jobID: String, state: String, message: String)
    /// A Bulk job was still not complete when `bulk_poll_timeout` ran out.
    case bulkJobTimedOut(stream: String, jobID: String, state: String, waitedSeconds: Int)
    /// A response did not have the documented shape.
    case unexpectedResponse(stream: String, endpoint: String, reason: String)

    public var exitStatus: SingerExitStatus {
        if case .invalidCatalog = self { .usage } else { .failure }
    }

    public var description: String {
        switch self {
        case .invalidValue(let stream, let field, let value, let expected, let source):
            let shown = value.count > 80 ? String(value.prefix(80)) + "…" : value
            return "stream '\(stream)': field '\(field)' has \(source) value \"\(shown)\", which is not \(expected); "
                + "check the field's type in the catalog (sf-type / schema) against the object's describe"
        case .invalidCatalog(let stream, let reason):
            return "stream '\(stream)': \(reason); fix the catalog (or re-run --discover)"
        case .queryTimeout(let stream, let window, let reason):
            return "stream '\(stream)': Salesforce answered QUERY_TIMEOUT for \(window) \(reason); "
                + "try api_type BULK (Bulk API 2.0 chunks large objects itself) or a later start_date"
        case .bulkJobFailed(let stream, let jobID, let state, let message):
            return "stream '\(stream)': Bulk API 2.0 job \(jobID) ended \(state): \(message)"
        case .bulkJobTimedOut(let stream, let jobID, let state, let waited):
            return "stream '\(stream)': Bulk API 2.0 job \(jobID) still \(state) after \(waited) s; "
                + "raise bulk_poll_timeout or use api_type REST for this object"
        case .unexpectedResponse(let stream, let endpoint, let reason):
            return "stream '\(stream)': unexpected response from \(endpoint): \(reason)"
        }
    }
}
