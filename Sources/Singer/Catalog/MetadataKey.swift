/// The metadata keywords of `DISCOVERY_MODE.md` (any other key is kept as written).
///
/// ```swift
/// entry[.replicationKey] = "SystemModstamp"
/// MetadataKey.forcedReplicationMethod.rawValue   // "forced-replication-method"
/// ```
public enum MetadataKey: String, Sendable, Hashable, CaseIterable {
    case selected
    case inclusion
    case selectedByDefault = "selected-by-default"
    case replicationMethod = "replication-method"
    case forcedReplicationMethod = "forced-replication-method"
    case replicationKey = "replication-key"
    case validReplicationKeys = "valid-replication-keys"
    case tableKeyProperties = "table-key-properties"
    case viewKeyProperties = "view-key-properties"
    case schemaName = "schema-name"
    case isView = "is-view"
    case rowCount = "row-count"
    case databaseName = "database-name"
    case sqlDatatype = "sql-datatype"

    /// Keys only a user (or orchestrator) sets: a re-discovery must carry them over, never
    /// overwrite them (pipelinewise-tap-postgres #101).
    public static let userSet: Set<String> = [
        MetadataKey.selected.rawValue, MetadataKey.replicationMethod.rawValue,
        MetadataKey.replicationKey.rawValue,
    ]

    /// Every documented keyword, as strings.
    public static let known: Set<String> = Set(allCases.map(\.rawValue))
}
