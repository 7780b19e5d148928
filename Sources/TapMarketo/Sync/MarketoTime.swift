import Singer

/// Date-time parsing and formatting in the forms Marketo and the Python tap use.
///
/// ```swift
/// MarketoTime.parse("2015-11-18T15:25:35Z+0000")      // asset dates: 1447860335
/// MarketoTime.isoformat(1447860335)                    // "2015-11-18T15:25:35+00:00"
/// MarketoTime.normalized("2024-01-05T10:00:00-0800")  // "2024-01-05T10:00:00-08:00"
/// ```
public enum MarketoTime {
    /// Seconds since 1970 of a date or date-time, `nil` when unreadable.
    public static func parse(_ text: String) -> Int? {
        dateTime(text).map(\.secondsSince1970)
    }

    /// The moment in `text`: RFC 3339 and ISO forms, a bare date (midnight UTC), and the asset
    /// API's `2015-11-18T15:25:35Z+0000`.
    public static func dateTime(_ text: String) -> RFC3339.DateTime? {
        var text = text
        if text.hasSuffix("Z+0000") || text.hasSuffix("Z+00:00") {
            text = String(text[..<text.lastIndex(of: "Z")!]) + "Z"
        }
        if let moment = RFC3339.parseDateTime(text) { return moment }
        if let date = RFC3339.parseDate(text) {
            return RFC3339.DateTime(date: date, time: RFC3339.TimeOfDay(hour: 0, minute: 0, second: 0, utcOffsetSeconds: 0))
        }
        return nil
    }

    /// `YYYY-MM-DDTHH:MM:SS+00:00` (Python's `isoformat()` of a whole-second UTC moment), the form
    /// of bulk filters and of the bookmarks the Python tap writes.
    public static func isoformat(_ seconds: Int) -> String {
        format(RFC3339.DateTime(secondsSince1970: seconds), fraction: false)
    }

    /// The same with microseconds, as the Python tap writes REST stream bookmarks.
    public static func isoformat(_ moment: RFC3339.DateTime) -> String { format(moment, fraction: true) }

    /// `YYYY-MM-DDTHH:MM:SSZ`, what Marketo's asset API asks for (no fraction).
    public static func zulu(_ seconds: Int) -> String {
        var text = isoformat(seconds)
        text.removeLast(6)
        return text + "Z"
    }

    /// A value for a `date-time` field as pendulum's `isoformat()` writes it: the source offset kept
    /// (`Z` → `+00:00`), fractions kept to microseconds, bare dates at midnight UTC; `nil` when unreadable.
    public static func normalized(_ text: String) -> String? {
        guard let moment = dateTime(text) else { return nil }
        return format(moment, fraction: moment.time.nanosecond != 0, keepOffset: true)
    }

    private static func format(_ moment: RFC3339.DateTime, fraction: Bool, keepOffset: Bool = false) -> String {
        let offset = keepOffset ? (moment.time.utcOffsetSeconds ?? 0) : 0
        let local = keepOffset ? moment : RFC3339.DateTime(secondsSince1970: moment.secondsSince1970, nanosecond: moment.time.nanosecond)
        var text = digits(local.date.year, 4) + "-" + digits(local.date.month, 2) + "-" + digits(local.date.day, 2) + "T"
            + digits(local.time.hour, 2) + ":" + digits(local.time.minute, 2) + ":" + digits(local.time.second, 2)
        if fraction { text += "." + digits(local.time.nanosecond / 1000, 6) }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return text + sign + digits(magnitude / 3600, 2) + ":" + digits(magnitude / 60 % 60, 2)
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
