import Singer

/// The instants and texts a sync reads and writes: bookmarks (`…ffffffZ`), ZOQL literals,
/// AQuA's `incrementalTime` in Pacific time (or UTC for EU data centers) and the REST
/// bookmark form of the Python tap.
struct ZuoraTime: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z (fractions dropped: Zuora's filters are per second).
    var seconds: Int

    init(seconds: Int) { self.seconds = seconds }

    /// An RFC 3339 date-time (any offset; none means UTC; `2024-01-01 00:00:00` too) or a date.
    init?(_ text: String) {
        if let dateTime = RFC3339.parseDateTime(text) {
            seconds = dateTime.secondsSince1970
        } else if let date = RFC3339.parseDate(text) {
            seconds = date.daysSince1970 * 86_400
        } else {
            return nil
        }
    }

    static func now() -> ZuoraTime { ZuoraTime(seconds: RFC3339.DateTime.now().secondsSince1970) }

    private var utc: RFC3339.DateTime { RFC3339.DateTime(secondsSince1970: seconds) }

    /// `2024-02-03T08:00:00.000000Z`, the Python tap's bookmark form.
    var singerText: String { utc.singerTimestamp }

    /// `2024-02-03T08:00:00Z`, for ZOQL literals and `current_window_end`.
    var zoqlLiteral: String { String(singerText.prefix(19)) + "Z" }

    /// `2024-02-03 08:00:00` in UTC: the Python tap's REST-mode bookmark.
    var spacedUTC: String {
        var text = String(singerText.prefix(19))
        text.replaceSubrange(text.index(text.startIndex, offsetBy: 10)...text.index(text.startIndex, offsetBy: 10), with: " ")
        return text
    }

    /// `incrementalTime`: `YYYY-MM-DD HH:MM:SS` in US Pacific time (daylight saving from the
    /// second Sunday of March to the first Sunday of November, at 2:00 local) or in UTC.
    func incrementalTime(in zone: ZuoraConfiguration.IncrementalTimeZone) -> String {
        switch zone {
        case .utc: return spacedUTC
        case .usPacific: return ZuoraTime(seconds: seconds + Self.pacificOffset(atUTC: seconds)).spacedUTC
        }
    }

    /// -7 h during US daylight saving time, -8 h otherwise (rules in force since 2007).
    static func pacificOffset(atUTC seconds: Int) -> Int {
        let year = RFC3339.DateTime(secondsSince1970: seconds).date.year
        // DST starts at 2:00 PST (10:00 UTC) and ends at 2:00 PDT (09:00 UTC).
        let start = nthSunday(2, month: 3, year: year) * 86_400 + 10 * 3600
        let end = nthSunday(1, month: 11, year: year) * 86_400 + 9 * 3600
        return seconds >= start && seconds < end ? -7 * 3600 : -8 * 3600
    }

    /// Days since 1970 of the `n`th Sunday of `month`.
    private static func nthSunday(_ n: Int, month: Int, year: Int) -> Int {
        let first = RFC3339.CalendarDate(year: year, month: month, day: 1).daysSince1970
        // 1970-01-01 was a Thursday: weekday 0 = Sunday.
        let weekday = ((first + 4) % 7 + 7) % 7
        return first + (7 - weekday) % 7 + (n - 1) * 7
    }

    static func < (lhs: ZuoraTime, rhs: ZuoraTime) -> Bool { lhs.seconds < rhs.seconds }
}
