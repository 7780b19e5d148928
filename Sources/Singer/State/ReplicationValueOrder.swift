/// Orders replication-key values the way bookmarks need: numbers numerically, timestamps as
/// instants (so `2024-01-02T03:00:00+01:00` equals `2024-01-02T02:00:00Z`, and tap-zuora's
/// `2024-01-02 02:00:00` compares with tap-salesforce's `…000000Z`), other strings by text.
///
/// ```swift
/// ReplicationValueOrder.compare("2024-01-02T03:00:00+01:00", "2024-01-02T02:00:00.000000Z")   // .equal
/// ReplicationValueOrder.compare(10, "x")   // nil: not comparable
/// ```
public enum ReplicationValueOrder: Sendable {
    /// How one value relates to another.
    public enum Relation: Sendable, Hashable {
        case less, equal, greater
    }

    /// How `lhs` relates to `rhs`, or `nil` when they cannot be compared.
    public static func compare(_ lhs: JSONValue, _ rhs: JSONValue) -> Relation? {
        switch (lhs, rhs) {
        case (.number(let left), .number(let right)):
            return relation(left, right)
        case (.string(let left), .string(let right)):
            if let leftInstant = BookmarkInstant(left), let rightInstant = BookmarkInstant(right) {
                return relation(leftInstant, rightInstant)
            }
            return relation(left, right)
        default:
            return nil
        }
    }

    private static func relation<Value: Comparable>(_ lhs: Value, _ rhs: Value) -> Relation {
        lhs < rhs ? .less : (lhs == rhs ? .equal : .greater)
    }
}

/// A point in time from an RFC 3339 date-time (a space may stand for the `T`; no offset means
/// UTC) or a bare `YYYY-MM-DD` (midnight UTC). Enough for bookmark comparison.
private struct BookmarkInstant: Comparable {
    var seconds: Int
    var nanoseconds: Int

    init?(_ text: String) {
        if let dateTime = RFC3339.parseDateTime(text) {
            seconds = dateTime.secondsSince1970
            nanoseconds = dateTime.time.nanosecond
        } else if let date = RFC3339.parseDate(text) {
            seconds = date.daysSince1970 * 86_400
            nanoseconds = 0
        } else {
            return nil
        }
    }

    static func < (lhs: BookmarkInstant, rhs: BookmarkInstant) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}
