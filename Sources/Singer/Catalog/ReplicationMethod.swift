/// How a stream is replicated: the values of `replication-method`, `forced-replication-method`
/// and the top-level `replication_method`.
///
/// ```swift
/// ReplicationMethod(catalogValue: "incremental")   // .incremental (read case-insensitively)
/// ReplicationMethod.fullTable.rawValue            // "FULL_TABLE"
/// ```
public enum ReplicationMethod: String, Sendable, Hashable, CaseIterable {
    /// Every run reads the whole source.
    case fullTable = "FULL_TABLE"
    /// Each run reads records at or after the bookmarked replication-key value.
    case incremental = "INCREMENTAL"
    /// Changes read from a database log (WAL, binlog).
    case logBased = "LOG_BASED"

    /// Parses a catalog value, ignoring case and surrounding spaces (hand-edited catalogs vary);
    /// `nil` for anything else.
    public init?(catalogValue: String) {
        guard let method = ReplicationMethod(rawValue: catalogValue.strippingSurroundingWhitespace().uppercased()) else {
            return nil
        }
        self = method
    }
}
