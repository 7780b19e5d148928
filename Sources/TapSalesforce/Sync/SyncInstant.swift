import Singer

/// A moment in UTC to the microsecond: query bounds, date windows, bookmarks and the sync
/// start, with the two text forms the tap writes.
///
/// ```swift
/// let start = SyncInstant("2021-01-03T00:00:00Z")!
/// start.singerText     // "2021-01-03T00:00:00.000000Z"  (bookmarks, time_extracted)
/// start.soqlLiteral    // "2021-01-03T00:00:00Z"          (whole seconds: no fraction)
/// ```
struct SyncInstant: Sendable, Hashable, Comparable {
    /// Microseconds since 1970-01-01T00:00:00Z.
    var microseconds: Int64

    static let microsecondsPerSecond: Int64 = 1_000_000
    static let microsecondsPerDay: Int64 = 86_400 * microsecondsPerSecond

    init(microseconds: Int64) { self.microseconds = microseconds }

    /// An RFC 3339 date-time (any offset, Salesforce's `+0000` too; no offset means UTC) or a
    /// bare `YYYY-MM-DD` (midnight UTC); `nil` for anything else.
    init?(_ text: String) {
        if let dateTime = RFC3339.parseDateTime(text) {
            self.init(dateTime)
        } else if let date = RFC3339.parseDate(text) {
            self.init(microseconds: Int64(date.daysSince1970) * Self.microsecondsPerDay)
        } else {
            return nil
        }
    }

    init(_ dateTime: RFC3339.DateTime) {
        self.microseconds = Int64(dateTime.secondsSince1970) * Self.microsecondsPerSecond + Int64(dateTime.time.nanosecond / 1000)
    }

    /// The current moment, truncated to the microsecond.
    static func now() -> SyncInstant { SyncInstant(RFC3339.DateTime.now()) }

    /// This moment moved by `seconds` (negative for earlier).
    func adding(seconds: Int) -> SyncInstant {
        SyncInstant(microseconds: microseconds + Int64(seconds) * Self.microsecondsPerSecond)
    }

    private var dateTime: RFC3339.DateTime {
        let (seconds, micros) = microseconds.quotientAndRemainder(dividingBy: Self.microsecondsPerSecond)
        let borrow = micros < 0 ? 1 : 0
        return RFC3339.DateTime(
            secondsSince1970: Int(seconds) - borrow, nanosecond: Int(micros + Int64(borrow) * Self.microsecondsPerSecond) * 1000)
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ`: singer-python's form for bookmarks and `time_extracted`.
    var singerText: String { dateTime.singerTimestamp }

    /// A SOQL datetime literal in UTC: `…SSZ` for whole seconds (the documented grammar),
    /// `…SS.ffffffZ` otherwise (what the Python tap sends, accepted by Salesforce).
    var soqlLiteral: String {
        let text = singerText
        guard microseconds % Self.microsecondsPerSecond == 0 else { return text }
        return String(text.prefix(19)) + "Z"
    }

    static func < (lhs: SyncInstant, rhs: SyncInstant) -> Bool { lhs.microseconds < rhs.microseconds }
}
