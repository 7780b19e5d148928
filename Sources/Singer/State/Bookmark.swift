/// One stream's (or one partition's) entry under `bookmarks`, kept as the JSON object it is.
///
/// Typed accessors cover the Meltano SDK keys; a singer-io tap's own keys (`SystemModstamp`,
/// `JobID`, `export_id`, `file_ids`) are read and written through the subscript.
///
/// ```swift
/// var bookmark = Bookmark()
/// bookmark.replicationKeySignpost = "2024-01-03T00:00:00Z"   // the sync start
/// try bookmark.advance(replicationKey: "updated_at", to: "2024-01-02T00:00:00Z", isSorted: true)
/// bookmark.replicationKeyValue    // "2024-01-02T00:00:00Z"
/// ```
public struct Bookmark: Sendable, Hashable {
    /// The bookmark object, every key in order.
    public var values: JSONObject

    /// A bookmark holding `values` (empty by default).
    public init(_ values: JSONObject = JSONObject()) { self.values = values }

    /// The bookmark as JSON.
    public var json: JSONValue { .object(values) }

    /// Any key of the bookmark.
    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// SDK `replication_key`: the field the bookmark value belongs to.
    public var replicationKey: String? {
        get { values[Key.replicationKey]?.stringValue }
        set { values[Key.replicationKey] = newValue.map(JSONValue.string) }
    }

    /// SDK `replication_key_value`: the highest replication value synced.
    public var replicationKeyValue: JSONValue? {
        get { values[Key.replicationKeyValue] }
        set { values[Key.replicationKeyValue] = newValue }
    }

    /// SDK `replication_key_signpost`: the sync start, which the bookmark never passes.
    public var replicationKeySignpost: JSONValue? {
        get { values[Key.signpost] }
        set { values[Key.signpost] = newValue }
    }

    /// SDK `starting_replication_value`: the value this sync started from.
    public var startingReplicationValue: JSONValue? {
        get { values[Key.startingValue] }
        set { values[Key.startingValue] = newValue }
    }

    /// SDK `progress_markers`: the running maximum of an unsorted stream, promoted to the
    /// bookmark only when the stream completes.
    public var progressMarkers: JSONObject? {
        get { values[Key.progressMarkers]?.objectValue }
        set { values[Key.progressMarkers] = newValue.map(JSONValue.object) }
    }

    /// SDK `context` of a partition bookmark.
    public var context: JSONObject? {
        get { values[Key.context]?.objectValue }
        set { values[Key.context] = newValue.map(JSONValue.object) }
    }

    /// SDK `partitions`: one bookmark per partition context.
    public var partitions: [Bookmark]? {
        get { values[Key.partitions]?.arrayValue?.compactMap { $0.objectValue.map(Bookmark.init) } }
        set { values[Key.partitions] = newValue.map { .array($0.map(\.json)) } }
    }

    /// The older singer-python `version` (tap-zuora still writes it here).
    public var version: Int? {
        get { values["version"]?.intValue }
        set { values["version"] = newValue.map { .number(JSONNumber($0)) } }
    }

    /// The replication value to resume from: the SDK's `replication_key_value` (when its
    /// `replication_key` is absent or matches), else the singer-io `<replicationKey>` key.
    /// `null` reads as no value.
    public func value(forReplicationKey replicationKey: String?) -> JSONValue? {
        if let value = replicationKeyValue, !value.isNull,
            self.replicationKey == nil || replicationKey == nil || self.replicationKey == replicationKey
        {
            return value
        }
        guard let replicationKey, let value = values[replicationKey], !value.isNull else { return nil }
        return value
    }

    /// The partition bookmark whose `context` equals `context`.
    public func partition(context: JSONObject) -> Bookmark? {
        partitions?.first { $0.context == context }
    }

    /// Replaces the partition with the same `context` or appends it.
    public mutating func setPartition(_ partition: Bookmark) {
        var list = partitions ?? []
        if let position = list.firstIndex(where: { $0.context == partition.context }) {
            list[position] = partition
        } else {
            list.append(partition)
        }
        partitions = list
    }

    enum Key {
        static let replicationKey = "replication_key"
        static let replicationKeyValue = "replication_key_value"
        static let signpost = "replication_key_signpost"
        static let startingValue = "starting_replication_value"
        static let progressMarkers = "progress_markers"
        static let context = "context"
        static let partitions = "partitions"
        static let progressNote = "Note"
    }
}
