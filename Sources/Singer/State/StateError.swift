/// What is wrong with a state file or a bookmark update, and where.
///
/// ```swift
/// do { _ = try State(json: ["bookmarks": "Account"]) }
/// catch { print(error) }   // state: "bookmarks" must be an object …, found string
/// ```
public enum StateError: ExitStatusProviding, Sendable, Hashable, CustomStringConvertible {
    /// The state is not a JSON object.
    case notAnObject(found: String)
    /// A top-level key that must hold an object (`bookmarks`, `versions`) holds something else.
    case invalidSection(key: String, found: String)
    /// `bookmarks.<stream>` is not an object.
    case invalidStreamBookmark(stream: String, found: String)
    /// A stream declared sorted produced a replication value below its bookmark.
    case unsortedReplicationValue(stream: String?, replicationKey: String, bookmark: JSONValue, value: JSONValue)

    /// A malformed state file is a usage error (exit 2); unsorted records are bad data (exit 1).
    public var exitStatus: SingerExitStatus {
        if case .unsortedReplicationValue = self { .failure } else { .usage }
    }

    public var description: String {
        switch self {
        case .notAnObject(let found):
            return "state: expected a JSON object such as {\"bookmarks\": {}}, found \(found); "
                + "pass the value of the last STATE message (or {}) with --state"
        case .invalidSection(let key, let found):
            return "state: \"\(key)\" must be an object keyed by stream, found \(found)"
        case .invalidStreamBookmark(let stream, let found):
            return "state: bookmarks.\(stream) must be an object, found \(found)"
        case .unsortedReplicationValue(let stream, let key, let bookmark, let value):
            return "stream '\(stream ?? "?")': records are declared sorted by \(key), but \(value) "
                + "arrived after \(bookmark); declare the stream unsorted or fix the query order"
        }
    }
}
