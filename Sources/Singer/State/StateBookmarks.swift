/// Bookmark helpers mirroring singer-python's `state.py` (`get_bookmark`, `write_bookmark`,
/// `clear_bookmark`, `reset_stream`) plus the Meltano SDK's replication-key bookmarks.
///
/// ```swift
/// var state = State()
/// state.setBookmark(stream: "leads", key: "export_id", value: "e-42")
/// state.bookmark(stream: "leads", key: "export_id")       // "e-42"
/// state.replicationKeyValue(stream: "users", replicationKey: "updated_at")
/// ```
extension State {
    /// The `bookmarks` object (empty when absent).
    public var bookmarks: JSONObject { members["bookmarks"]?.objectValue ?? JSONObject() }

    /// The bookmark of `stream` (its `tap_stream_id`), if any.
    public func bookmark(stream: String) -> Bookmark? {
        bookmarks[stream]?.objectValue.map(Bookmark.init)
    }

    /// Replaces (or with `nil` removes) the bookmark of `stream`.
    public mutating func setBookmark(_ bookmark: Bookmark?, stream: String) {
        var all = bookmarks
        all[stream] = bookmark?.json
        members["bookmarks"] = .object(all)
    }

    /// Changes the bookmark of `stream` in place (starting from an empty one).
    public mutating func updateBookmark<Result, Failure: Error>(
        stream: String, _ change: (inout Bookmark) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var bookmark = self.bookmark(stream: stream) ?? Bookmark()
        let result = try change(&bookmark)
        setBookmark(bookmark, stream: stream)
        return result
    }

    /// `bookmarks.<stream>.<key>`, like singer-python's `get_bookmark`.
    public func bookmark(stream: String, key: String) -> JSONValue? {
        bookmark(stream: stream)?[key]
    }

    /// Sets `bookmarks.<stream>.<key>`, like singer-python's `write_bookmark`; `.null` is
    /// written as `null` (tap-marketo clears `export_id` that way).
    public mutating func setBookmark(stream: String, key: String, value: JSONValue) {
        updateBookmark(stream: stream) { $0[key] = value }
    }

    /// This state with `bookmarks.<stream>.<key>` set.
    public func settingBookmark(stream: String, key: String, value: JSONValue) -> State {
        var copy = self
        copy.setBookmark(stream: stream, key: key, value: value)
        return copy
    }

    /// Removes `bookmarks.<stream>.<key>`, like singer-python's `clear_bookmark`.
    public mutating func clearBookmark(stream: String, key: String) {
        guard var bookmark = bookmark(stream: stream) else { return }
        bookmark[key] = nil
        setBookmark(bookmark, stream: stream)
    }

    /// Empties the bookmark of `stream` (`{}`), like singer-python's `reset_stream`.
    public mutating func resetStream(_ stream: String) {
        setBookmark(Bookmark(), stream: stream)
    }

    /// The value to resume `stream` from, reading the SDK shape (`replication_key_value`)
    /// and the singer-io shape (`bookmarks.<stream>.<replicationKey>`); `null` reads as none.
    public func replicationKeyValue(stream: String, replicationKey: String? = nil) -> JSONValue? {
        bookmark(stream: stream)?.value(forReplicationKey: replicationKey)
    }

    /// The value to resume one partition of `stream` from (SDK `partitions`).
    public func replicationKeyValue(stream: String, context: JSONObject, replicationKey: String? = nil) -> JSONValue? {
        bookmark(stream: stream)?.partition(context: context)?.value(forReplicationKey: replicationKey)
    }

    /// Records a synced record's replication value for `stream` (or one partition), the SDK
    /// way: see `Bookmark.advance(replicationKey:to:isSorted:)`; errors name the stream.
    public mutating func advanceReplicationKeyValue(
        stream: String, replicationKey: String, to value: JSONValue, isSorted: Bool, context: JSONObject? = nil
    ) throws(StateError) {
        do {
            try updateBookmark(stream: stream) { (bookmark: inout Bookmark) throws(StateError) in
                guard let context else {
                    return try bookmark.advance(replicationKey: replicationKey, to: value, isSorted: isSorted)
                }
                var partition = bookmark.partition(context: context) ?? Bookmark([Bookmark.Key.context: .object(context)])
                try partition.advance(replicationKey: replicationKey, to: value, isSorted: isSorted)
                bookmark.setPartition(partition)
            }
        } catch .unsortedReplicationValue(_, let key, let bookmark, let value) {
            throw .unsortedReplicationValue(stream: stream, replicationKey: key, bookmark: bookmark, value: value)
        } catch {
            throw error
        }
    }

    /// Moves a singer-io bookmark (`bookmarks.<stream>.<key>`) forward to `value`, never back
    /// and never past `limit` (the sync start), so records changed mid-sync are read again.
    public mutating func advanceBookmark(stream: String, key: String, to value: JSONValue, notPast limit: JSONValue? = nil) {
        var candidate = value
        if let limit, ReplicationValueOrder.compare(candidate, limit) == .greater { candidate = limit }
        if let current = bookmark(stream: stream, key: key), !current.isNull,
            ReplicationValueOrder.compare(candidate, current) == .less
        {
            return
        }
        setBookmark(stream: stream, key: key, value: candidate)
    }

    /// Ends `stream`'s sync the SDK way (see `Bookmark.finalizeProgress()`).
    public mutating func finalizeProgress(stream: String) {
        guard bookmark(stream: stream) != nil else { return }
        updateBookmark(stream: stream) { $0.finalizeProgress() }
    }
}
