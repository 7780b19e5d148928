#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RFC3339.CalendarDate {
    /// The date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    public init(daysSince1970 days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}

extension RFC3339.DateTime {
    /// The UTC moment `seconds` (plus `nanosecond`) after the Unix epoch.
    public init(secondsSince1970 seconds: Int, nanosecond: Int = 0) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        self.init(
            date: RFC3339.CalendarDate(daysSince1970: days),
            time: RFC3339.TimeOfDay(
                hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60,
                nanosecond: nanosecond, utcOffsetSeconds: 0))
    }

    /// The current moment, from the system's real-time clock.
    public static func now() -> RFC3339.DateTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return RFC3339.DateTime(secondsSince1970: Int(spec.tv_sec), nanosecond: Int(spec.tv_nsec))
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` in UTC, the form singer-python writes for `time_extracted`
    /// and bookmarks.
    public var singerTimestamp: String {
        let utc = RFC3339.DateTime(secondsSince1970: secondsSince1970, nanosecond: time.nanosecond)
        func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(digits(utc.date.year, 4))-\(digits(utc.date.month, 2))-\(digits(utc.date.day, 2))T"
            + "\(digits(utc.time.hour, 2)):\(digits(utc.time.minute, 2)):\(digits(utc.time.second, 2))."
            + "\(digits(utc.time.nanosecond / 1000, 6))Z"
    }
}
