import Synchronization

/// Open REST query cursors: the query's matching rows in result order, fetched page by page
/// through `nextRecordsUrl` locators. Like Salesforce, old cursors are dropped once too many
/// are open.
final class QueryCursorStore: Sendable {
    struct Cursor: Sendable {
        let query: CompiledQuery
        let rows: [Int32]
        let pageSize: Int
    }

    static let maximumOpen = 64
    private let cursors = Mutex<(open: [String: Cursor], order: [String])>(([:], []))

    func open(_ cursor: Cursor, locator: String) {
        cursors.withLock { state in
            state.open[locator] = cursor
            state.order.append(locator)
            while state.order.count > Self.maximumOpen { state.open[state.order.removeFirst()] = nil }
        }
    }

    func cursor(_ locator: String) -> Cursor? {
        cursors.withLock { $0.open[locator] }
    }
}
