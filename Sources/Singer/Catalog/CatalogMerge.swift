extension Catalog {
    /// This freshly discovered catalog with the user's choices carried over from `old`.
    ///
    /// Re-discovery must not undo what a user set (pipelinewise-tap-postgres #101 lost field
    /// selections this way). For each stream present in both (matched by `tap_stream_id`) and
    /// each breadcrumb that still exists (in the new metadata or schema):
    /// - `selected`, `replication-method` and `replication-key` are taken from `old`;
    /// - any other key this library does not know is taken from `old` unless discovery wrote it
    ///   (a tap's own keys such as `tap-zuora.joined_object` are fresh in the new catalog);
    /// - documented discoverable keys (`inclusion`, `table-key-properties`, …) stay as discovered.
    /// A legacy `schema.selected: true` becomes root `selected: true`. Unknown top-level entry
    /// keys and `stream_alias` are carried over when discovery did not write them. Streams and
    /// fields that disappeared are dropped.
    ///
    /// ```swift
    /// let catalog = discovered.merging(userSelectionsFrom: try Catalog(json: savedCatalogJSON))
    /// ```
    public func merging(userSelectionsFrom old: Catalog) -> Catalog {
        var merged = self
        for position in merged.streams.indices {
            if let previous = old[merged.streams[position].tapStreamID] {
                merged.streams[position].carryUserSettings(from: previous)
            }
        }
        return merged
    }
}

extension CatalogEntry {
    /// Top-level entry keys a tap writes at discovery; any other key came from a user or tool.
    static let modelledKeys: Set<String> = [
        "tap_stream_id", "stream", "schema", "metadata", "key_properties", "replication_key",
        "replication_method", "table_name", "database_name", "is_view", "row_count",
    ]

    mutating func carryUserSettings(from previous: CatalogEntry) {
        for oldEntry in previous.metadata {
            let breadcrumb = oldEntry.breadcrumb
            let stillExists = metadata[breadcrumb] != nil || breadcrumb.isStream
                || schema.propertySchema(at: breadcrumb) != nil
            guard stillExists else { continue }
            var entry = metadata[breadcrumb] ?? MetadataEntry(breadcrumb: breadcrumb)
            for member in oldEntry.values {
                if MetadataKey.userSet.contains(member.key) {
                    entry[member.key] = member.value
                } else if !MetadataKey.known.contains(member.key) && entry[member.key] == nil {
                    entry[member.key] = member.value
                }
            }
            if entry != MetadataEntry(breadcrumb: breadcrumb) || metadata[breadcrumb] != nil {
                metadata[breadcrumb] = entry
            }
        }
        if previous.schema["selected"]?.boolValue == true && metadata.root.selected == nil {
            metadata.root.selected = true
        }
        for key in previous.userKeys where self[key] == nil {
            self[key] = previous[key]
        }
    }

    /// Top-level keys not written by discovery (including `stream_alias`), in order.
    private var userKeys: [String] {
        guard let object = json.objectValue else { return [] }
        return object.keys.filter { !Self.modelledKeys.contains($0) }
    }
}
