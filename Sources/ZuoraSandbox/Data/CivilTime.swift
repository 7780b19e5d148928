/// Calendar arithmetic in UTC and US/Pacific (the time zone Zuora uses for US tenants'
/// `incrementalTime` and default datetimes), without Foundation so it is exact and fast.
enum CivilTime {
    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day count.
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func seconds(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Int64 {
        Int64(days(year: year, month: month, day: day)) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// US Pacific offset in seconds at a UTC instant: −7 h from the second Sunday of March
    /// 10:00 UTC to the first Sunday of November 09:00 UTC, else −8 h.
    static func pacificOffset(atUTC seconds: Int64) -> Int {
        let year = civil(days: Int(floorDiv(seconds, 86_400))).year
        func nthSunday(_ month: Int, _ n: Int) -> Int {
            let first = days(year: year, month: month, day: 1)
            let weekday = ((first % 7) + 11) % 7   // 0 = Sunday (1970-01-01 was a Thursday)
            return first + (7 - weekday) % 7 + 7 * (n - 1)
        }
        let start = Int64(nthSunday(3, 2)) * 86_400 + 10 * 3600
        let end = Int64(nthSunday(11, 1)) * 86_400 + 9 * 3600
        return seconds >= start && seconds < end ? -7 * 3600 : -8 * 3600
    }

    /// A Pacific wall-clock time to UTC seconds (the earlier instant when ambiguous).
    static func fromPacific(_ wall: Int64) -> Int64 {
        let standard = wall + 8 * 3600
        return pacificOffset(atUTC: standard - 3600) == -7 * 3600 ? wall + 7 * 3600 : standard
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// `yyyy-MM-ddTHH:mm:ss` of `seconds` shifted by `offset`, followed by nothing.
    static func wall(_ seconds: Int64, offset: Int, separator: String = "T") -> String {
        let local = seconds + Int64(offset)
        let day = floorDiv(local, 86_400)
        let rest = Int(local - day * 86_400)
        let date = civil(days: Int(day))
        return "\(date.year)-\(two(date.month))-\(two(date.day))\(separator)\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))"
    }

    /// `2024-01-02T03:04:05Z`.
    static func iso(_ seconds: Int64) -> String { wall(seconds, offset: 0) + "Z" }

    /// `±hhmm` (`colon: false`) or `±hh:mm`.
    static func offsetText(_ offset: Int, colon: Bool) -> String {
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return sign + two(minutes / 60) + (colon ? ":" : "") + two(minutes % 60)
    }

    /// `yyyy-MM-dd` of a day count.
    static func dateText(days: Int) -> String {
        let date = civil(days: days)
        return "\(date.year)-\(two(date.month))-\(two(date.day))"
    }

    /// Parses `2024-01-02T03:04:05Z`, `…+01:00`, `…-0800`, `…T03:04:05.123Z`, `2024-01-02 03:04:05`
    /// (zone `defaultOffset` seconds, or Pacific when `nil`) and `2024-01-02`.
    static func parse(_ text: String, pacificWhenUnzoned: Bool) -> Int64? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), bytes.count >= 10, bytes[4] == 45, bytes[7] == 45,
            let month = number(5..<7), let day = number(8..<10), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        if bytes.count == 10 {
            let wall = seconds(year: year, month: month, day: day)
            return pacificWhenUnzoned ? fromPacific(wall) : wall
        }
        guard bytes.count >= 19, bytes[10] == 84 || bytes[10] == 32, let hour = number(11..<13), let minute = number(14..<16),
            let second = number(17..<19), hour < 24, minute < 60, second < 61
        else { return nil }
        let wall = seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        var index = 19
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
        }
        if index == bytes.count { return pacificWhenUnzoned ? fromPacific(wall) : wall }
        if bytes[index] == 90, index + 1 == bytes.count { return wall }
        guard bytes[index] == 43 || bytes[index] == 45, let hours = number(index + 1..<index + 3) else { return nil }
        var minutesIndex = index + 3
        if minutesIndex < bytes.count, bytes[minutesIndex] == 58 { minutesIndex += 1 }
        guard let minutes = number(minutesIndex..<minutesIndex + 2), minutesIndex + 2 == bytes.count else { return nil }
        let offset = Int64(hours * 3600 + minutes * 60) * (bytes[index] == 45 ? -1 : 1)
        return wall - offset
    }
}
