/// A stream's replication settings once every place a catalog can state them is consulted.
///
/// ```swift
/// let replication = try entry.resolvedReplication()
/// replication.method   // .incremental
/// replication.key      // "SystemModstamp"
/// ```
public struct ResolvedReplication: Sendable, Hashable {
    /// How to replicate the stream.
    public var method: ReplicationMethod
    /// The bookmark field; always set for `.incremental`.
    public var key: String?

    /// Settings as given.
    public init(method: ReplicationMethod, key: String?) {
        self.method = method
        self.key = key
    }
}

/// Where a catalog states replication settings, in the order they are consulted.
///
/// The libraries disagree: the Meltano SDK reads `forced-replication-method` and the top-level
/// `replication_method` but ignores the `replication-method` metadata key (its catalog had
/// `"replication-method": "FULL_TABLE"` and still ran incrementally), while singer-io
/// tap-salesforce reads exactly `replication-method` and `replication-key`. We honour all of
/// them: the tap's `forced-replication-method` wins, then the user's `replication-method`, then
/// the top-level `replication_method`.
extension CatalogEntry {
    /// The replication method the catalog states, first of: root metadata
    /// `forced-replication-method`, root metadata `replication-method`, top-level
    /// `replication_method`. `nil` when none is set or the value is not a known method
    /// (`resolvedReplication()` reports that as an error).
    public var replicationMethod: ReplicationMethod? {
        guard let (value, _) = declaredReplicationMethod else { return nil }
        return ReplicationMethod(catalogValue: value)
    }

    /// The replication key: root metadata `replication-key`, else top-level `replication_key`.
    public var replicationKey: String? {
        metadata.root.replicationKey ?? topLevelReplicationKey
    }

    /// The primary key: root metadata `table-key-properties`, else `view-key-properties`
    /// (database views), else top-level `key_properties`; empty when none is given.
    public var keyProperties: [String] {
        let root = metadata.root
        return root.tableKeyProperties ?? root.viewKeyProperties ?? topLevelKeyProperties ?? []
    }

    /// The replication method and key a sync should use.
    ///
    /// With no method stated anywhere the stream is INCREMENTAL when it has a replication key
    /// and FULL_TABLE otherwise (tap-salesforce and the SDK both infer it this way). Throws when
    /// the stated method is unknown, or is INCREMENTAL without a replication key.
    public func resolvedReplication() throws(CatalogError) -> ResolvedReplication {
        let key = replicationKey
        guard let (value, source) = declaredReplicationMethod else {
            return ResolvedReplication(method: key == nil ? .fullTable : .incremental, key: key)
        }
        guard let method = ReplicationMethod(catalogValue: value) else {
            throw .invalidReplicationMethod(stream: tapStreamID, value: value, source: source)
        }
        if method == .incremental && key == nil {
            throw .missingReplicationKey(stream: tapStreamID, source: source)
        }
        return ResolvedReplication(method: method, key: key)
    }

    /// The first stated method and the name of the place it came from, for error messages.
    private var declaredReplicationMethod: (value: String, source: String)? {
        let root = metadata.root
        if let forced = root.forcedReplicationMethod { return (forced, "metadata \"forced-replication-method\"") }
        if let chosen = root.replicationMethod { return (chosen, "metadata \"replication-method\"") }
        if let topLevel = topLevelReplicationMethod { return (topLevel, "\"replication_method\"") }
        return nil
    }
}
