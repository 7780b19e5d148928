extension Bookmark {
    /// Records that a record with replication value `value` was synced, the SDK way.
    ///
    /// A sorted stream moves `replication_key_value` directly and throws when a value goes
    /// backwards (the SDK's `InvalidStreamSortException`). An unsorted stream keeps a running
    /// maximum in `progress_markers`, which `finalizeProgress()` promotes once the stream is
    /// complete, because an interrupted unsorted sync cannot resume from its maximum.
    /// Either way the value is capped at `replication_key_signpost` (the sync start), so
    /// records changed during the sync are read again next time. A stored value for a
    /// different replication key is replaced; values that cannot be compared (a number
    /// against a string) let the newer one win.
    public mutating func advance(replicationKey: String, to value: JSONValue, isSorted: Bool) throws(StateError) {
        guard !value.isNull else { return }
        var capped = value
        if let signpost = replicationKeySignpost, !signpost.isNull,
            ReplicationValueOrder.compare(value, signpost) == .greater
        {
            capped = signpost
        }
        var target = isSorted ? self : Bookmark(progressMarkers ?? [Key.progressNote: "Progress is not resumable if interrupted."])
        if let previous = target.replicationKeyValue, !previous.isNull, target.replicationKey == replicationKey {
            switch ReplicationValueOrder.compare(capped, previous) {
            case .less?:
                if isSorted {
                    throw .unsortedReplicationValue(
                        stream: nil, replicationKey: replicationKey, bookmark: previous, value: value)
                }
                return
            case .equal?, .greater?, nil: break
            }
        }
        target.replicationKey = replicationKey
        target.replicationKeyValue = capped
        if isSorted { self = target } else { progressMarkers = target.values }
    }

    /// Ends a stream's sync the SDK way: promotes `progress_markers` into the bookmark (capped
    /// at the signpost) and drops the signpost and starting value, here and in partitions.
    public mutating func finalizeProgress() {
        let signpost = values[Key.signpost]
        values[Key.signpost] = nil
        values[Key.startingValue] = nil
        if let markers = progressMarkers, let key = markers[Key.replicationKey]?.stringValue {
            var value = markers[Key.replicationKeyValue] ?? .null
            if let signpost, !signpost.isNull, ReplicationValueOrder.compare(value, signpost) == .greater {
                value = signpost
            }
            replicationKey = key
            replicationKeyValue = value
        }
        values[Key.progressMarkers] = nil
        if var list = partitions {
            for position in list.indices { list[position].finalizeProgress() }
            partitions = list
        }
    }
}
