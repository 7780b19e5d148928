/// How a sync orders streams when the state says one was interrupted.
///
/// ```swift
/// // streams A, B, C, D; state current stream C; all selected
/// catalog.selectedEntries(rule: .singerIO, resumingFrom: state)                      // C, D, A, B
/// catalog.selectedEntries(rule: .singerIO, resumingFrom: state, order: .skipEarlier)  // C, D
/// ```
public enum ResumeOrder: Sendable, Hashable {
    /// Start at the interrupted stream, then wrap around to the ones before it (singer-python
    /// `Catalog.get_selected_streams`), so every stream still runs each time.
    case rotate
    /// Start at the interrupted stream and skip the ones before it (tap-zuora, tap-marketo),
    /// since they completed in the interrupted run.
    case skipEarlier
}

extension Catalog {
    /// The entries `rule` selects, starting at the state's current stream (matched by
    /// `tap_stream_id`). Without a current stream, or one not in the catalog, catalog order.
    public func selectedEntries(rule: SelectionRule, resumingFrom state: State, order: ResumeOrder = .rotate)
        -> [CatalogEntry]
    {
        var ordered = streams
        if let current = state.currentStream, let start = streams.firstIndex(where: { $0.tapStreamID == current }) {
            switch order {
            case .rotate: ordered = Array(streams[start...] + streams[..<start])
            case .skipEarlier: ordered = Array(streams[start...])
            }
        }
        return ordered.filter { $0.isSelected(rule: rule) }
    }
}
