/// Parsers for the `date-time`, `date` and `time` formats, shared by schema validation and by
/// targets that load these strings into `timestamptz`, `date` and `time` columns.
///
/// Accepted: `2024-01-02T03:04:05Z`, `…05.123456Z`, `…05+00:00`, `…05-05:30`, Salesforce's
/// `2024-01-02T03:04:05.000+0000`, a lower-case `t`/`z` or a space between date and time (as
/// RFC 3339 allows), and, as ISO 8601 allows, no offset at all (`utcOffsetSeconds` is then `nil`).
/// Rejected: impossible dates (`2023-02-29`, month 13), year 0000 (PostgreSQL has no year zero),
/// hour 24. Second 60 is accepted for leap seconds, as RFC 3339 and PostgreSQL do. Fraction
/// digits beyond nanoseconds are read and dropped.
///
/// ```swift
/// let moment = RFC3339.parseDateTime("2024-01-02T03:04:05.000+0000")
/// moment?.date.year            // 2024
/// moment?.time.utcOffsetSeconds // 0
/// ```
public enum RFC3339 {
    /// A date and time of day, e.g. `2024-01-02T03:04:05.123456-05:30`.
    public static func parseDateTime(_ text: String) -> DateTime? {
        withBytes(text) { parseDateTime($0) }
    }

    /// A date and time of day from UTF-8 bytes, e.g. a string's content in the input line, so
    /// checking a record's timestamps builds no `String`.
    public static func parseDateTime(_ utf8: UnsafeBufferPointer<UInt8>) -> DateTime? {
        var scanner = Scanner(bytes: utf8)
        guard let date = scanDate(&scanner), let separator = scanner.next(),
            separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " "),
            let time = scanTime(&scanner), scanner.isAtEnd
        else { return nil }
        return DateTime(date: date, time: time)
    }

    /// A calendar date, `YYYY-MM-DD`, checked against the calendar (leap years included).
    public static func parseDate(_ text: String) -> CalendarDate? {
        withBytes(text) { parseDate($0) }
    }

    /// A calendar date from UTF-8 bytes.
    public static func parseDate(_ utf8: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        var scanner = Scanner(bytes: utf8)
        guard let date = scanDate(&scanner), scanner.isAtEnd else { return nil }
        return date
    }

    /// A time of day, `HH:MM:SS[.fraction][Z|±HH:MM|±HHMM|±HH]`.
    public static func parseTime(_ text: String) -> TimeOfDay? {
        withBytes(text) { parseTime($0) }
    }

    /// A time of day from UTF-8 bytes.
    public static func parseTime(_ utf8: UnsafeBufferPointer<UInt8>) -> TimeOfDay? {
        var scanner = Scanner(bytes: utf8)
        guard let time = scanTime(&scanner), scanner.isAtEnd else { return nil }
        return time
    }

    /// Whether `year` has a 29 February in the proleptic Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1…12) of `year`.
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    private static func scanDate(_ scanner: inout Scanner) -> CalendarDate? {
        guard let year = scanner.number(digits: 4), scanner.skip(UInt8(ascii: "-")),
            let month = scanner.number(digits: 2), scanner.skip(UInt8(ascii: "-")),
            let day = scanner.number(digits: 2),
            year >= 1, (1...12).contains(month), day >= 1, day <= daysInMonth(month, year: year)
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    private static func scanTime(_ scanner: inout Scanner) -> TimeOfDay? {
        guard let hour = scanner.number(digits: 2), scanner.skip(UInt8(ascii: ":")),
            let minute = scanner.number(digits: 2), scanner.skip(UInt8(ascii: ":")),
            let second = scanner.number(digits: 2),
            hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var nanosecond = 0
        if scanner.skip(UInt8(ascii: ".")) {
            var digits = 0
            while let digit = scanner.digit() {
                if digits < 9 { nanosecond = nanosecond * 10 + digit }
                digits += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanosecond *= 10 }
        }
        var offset: Int?
        if let marker = scanner.peek() {
            if marker | 0x20 == UInt8(ascii: "z") {
                scanner.index += 1
                offset = 0
            } else if marker == UInt8(ascii: "+") || marker == UInt8(ascii: "-") {
                scanner.index += 1
                guard let offsetHours = scanner.number(digits: 2), offsetHours <= 23 else { return nil }
                var offsetMinutes = 0
                if scanner.skip(UInt8(ascii: ":")) || scanner.peek().map({ $0 &- UInt8(ascii: "0") < 10 }) == true {
                    guard let minutes = scanner.number(digits: 2), minutes <= 59 else { return nil }
                    offsetMinutes = minutes
                }
                let seconds = offsetHours * 3600 + offsetMinutes * 60
                offset = marker == UInt8(ascii: "-") ? -seconds : seconds
            }
        }
        return TimeOfDay(hour: hour, minute: minute, second: second, nanosecond: nanosecond, utcOffsetSeconds: offset)
    }

    /// A cursor over ASCII bytes.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func next() -> UInt8? {
            defer { if index < bytes.count { index += 1 } }
            return peek()
        }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard peek() == byte else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard let byte = peek(), byte &- UInt8(ascii: "0") < 10 else { return nil }
            index += 1
            return Int(byte &- UInt8(ascii: "0"))
        }

        /// Exactly `digits` decimal digits.
        mutating func number(digits: Int) -> Int? {
            var value = 0
            for _ in 0..<digits {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }
    }
}
