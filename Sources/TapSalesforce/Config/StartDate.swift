import Foundation
import Singer

/// Parses `start_date` the way the Python tap's `dateutil` accepts the common forms:
/// RFC 3339 (`2020-01-01T00:00:00Z`, `…+00:00`, `….000000Z`, Salesforce's `….000+0000`),
/// a space instead of `T`, no offset (read as UTC), or a bare date (`2020-01-01`, midnight UTC).
enum StartDate {
    /// The moment `text` names, or `nil` when it is not one of the accepted forms.
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let moment = RFC3339.parseDateTime(trimmed) {
            return Date(timeIntervalSince1970: Double(moment.secondsSince1970) + Double(moment.time.nanosecond) / 1e9)
        }
        if let day = RFC3339.parseDate(trimmed) {
            return Date(timeIntervalSince1970: Double(day.daysSince1970 * 86_400))
        }
        return nil
    }
}
