import Singer

/// Marketo's timestamp spellings, from whole seconds since 1970 (Marketo has no fractions).
enum MarketoTime {
    /// Lead database and bulk files: `2024-01-05T10:00:00Z`.
    static func format(_ seconds: Int) -> String {
        let moment = RFC3339.DateTime(secondsSince1970: seconds)
        return "\(pad(moment.date.year, 4))-\(pad(moment.date.month, 2))-\(pad(moment.date.day, 2))T"
            + "\(pad(moment.time.hour, 2)):\(pad(moment.time.minute, 2)):\(pad(moment.time.second, 2))Z"
    }

    /// Asset API: `2015-11-18T15:25:35Z+0000`, as Marketo's asset docs show.
    static func formatAsset(_ seconds: Int) -> String { format(seconds) + "+0000" }

    /// A calendar date: `1980-01-02`.
    static func formatDate(days: Int) -> String {
        let date = RFC3339.CalendarDate(daysSince1970: days)
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
    }

    /// Seconds since 1970 of an ISO-8601 date-time (offset or `Z`; none reads as UTC), or of a
    /// bare date (midnight UTC); `nil` when unreadable. Fractions are dropped.
    static func parse(_ text: String) -> Int? {
        if let moment = RFC3339.parseDateTime(text) { return moment.secondsSince1970 }
        if let date = RFC3339.parseDate(text) { return date.daysSince1970 * 86_400 }
        return nil
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
