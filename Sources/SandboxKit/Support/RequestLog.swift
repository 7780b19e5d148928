import Synchronization

/// The requests a sandbox answered, in order, for tests that assert call sequences
/// (a re-login after a 401, a retried page). Keeps the most recent `capacity` entries.
public final class RequestLog: Sendable {
    /// One answered request.
    public struct Entry: Sendable, Hashable, CustomStringConvertible {
        /// Upper-case method.
        public var method: String
        /// The path without the query.
        public var path: String
        /// The query string as sent (secrets in it are the caller's own test values).
        public var query: String?
        /// The status answered.
        public var status: Int
        /// A vendor error code answered, if any (e.g. `INVALID_SESSION_ID`).
        public var errorCode: String?

        public init(method: String, path: String, query: String?, status: Int, errorCode: String?) {
            self.method = method
            self.path = path
            self.query = query
            self.status = status
            self.errorCode = errorCode
        }

        public var description: String {
            "\(method) \(path)\(query.map { "?\($0)" } ?? "") → \(status)\(errorCode.map { " \($0)" } ?? "")"
        }
    }

    private let capacity: Int
    private let storage = Mutex<[Entry]>([])

    /// A log keeping at most `capacity` entries (the oldest are dropped).
    public init(capacity: Int = 100_000) { self.capacity = capacity }

    /// Records one answered request.
    public func append(_ entry: Entry) {
        storage.withLock { entries in
            if entries.count >= capacity { entries.removeFirst(entries.count - capacity + 1) }
            entries.append(entry)
        }
    }

    /// The entries in order.
    public var entries: [Entry] { storage.withLock { $0 } }

    /// Forgets every entry.
    public func clear() { storage.withLock { $0.removeAll() } }
}
