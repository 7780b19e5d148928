/// What is wrong with a catalog (or `--properties` file), and where.
///
/// ```swift
/// do { _ = try Catalog(json: ["streams": [["schema": [:]]]]) }
/// catch { print(error) }   // catalog streams[0]: missing "stream" (the stream name) …
/// ```
public enum CatalogError: ExitStatusProviding, Sendable, Hashable, CustomStringConvertible {
    /// The document is not an object with a `streams` array.
    case invalidCatalog(reason: String)
    /// One element of `streams` is unreadable; `index` counts from 0.
    case invalidEntry(index: Int, reason: String)
    /// One element of a stream's `metadata` list is unreadable; `index` counts from 0.
    case invalidMetadata(stream: String, index: Int, reason: String)
    /// A replication method that is none of FULL_TABLE, INCREMENTAL, LOG_BASED.
    case invalidReplicationMethod(stream: String, value: String, source: String)
    /// INCREMENTAL was chosen but no replication key is set anywhere.
    case missingReplicationKey(stream: String, source: String)

    /// The user's catalog is wrong: a usage error (exit 2), like a bad config file.
    public var exitStatus: SingerExitStatus { .usage }

    public var description: String {
        switch self {
        case .invalidCatalog(let reason):
            return "catalog: \(reason). A catalog is an object like {\"streams\": [...]}; "
                + "produce one with --discover"
        case .invalidEntry(let index, let reason):
            return "catalog streams[\(index)]: \(reason)"
        case .invalidMetadata(let stream, let index, let reason):
            return "catalog stream '\(stream)': metadata[\(index)] \(reason)"
        case .invalidReplicationMethod(let stream, let value, let source):
            return "catalog stream '\(stream)': \(source) is \"\(value)\"; "
                + "expected FULL_TABLE, INCREMENTAL or LOG_BASED"
        case .missingReplicationKey(let stream, let source):
            return "catalog stream '\(stream)': replication method INCREMENTAL (from \(source)) "
                + "needs a replication key; set \"replication-key\" in the stream's metadata "
                + "(breadcrumb []) or choose FULL_TABLE"
        }
    }
}
