extension RFC3339 {
    /// A day in the proleptic Gregorian calendar.
    public struct CalendarDate: Sendable, Hashable, Comparable {
        /// 1…9999.
        public var year: Int
        /// 1…12.
        public var month: Int
        /// 1…31, valid for the month and year.
        public var day: Int

        /// Components as given; no calendar check.
        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }

        /// Days since 1970-01-01 (negative before it).
        public var daysSince1970: Int {
            // Howard Hinnant's days_from_civil: shift the year to start in March so the
            // leap day falls at its end.
            let shiftedYear = month <= 2 ? year - 1 : year
            let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
            let yearOfEra = shiftedYear - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
            (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
        }
    }

    /// A time of day with an optional offset from UTC.
    public struct TimeOfDay: Sendable, Hashable {
        /// 0…23.
        public var hour: Int
        /// 0…59.
        public var minute: Int
        /// 0…60; 60 is a leap second.
        public var second: Int
        /// 0…999,999,999, from the fraction of a second.
        public var nanosecond: Int
        /// `Z` and `+00:00` are 0, `-05:30` is -19800; `nil` when the text gave no offset.
        public var utcOffsetSeconds: Int?

        /// Components as given; no range check.
        public init(hour: Int, minute: Int, second: Int, nanosecond: Int = 0, utcOffsetSeconds: Int? = nil) {
            self.hour = hour
            self.minute = minute
            self.second = second
            self.nanosecond = nanosecond
            self.utcOffsetSeconds = utcOffsetSeconds
        }

        /// Seconds since midnight, ignoring the offset.
        public var secondsSinceMidnight: Int { hour * 3600 + minute * 60 + second }
    }

    /// A date with a time of day.
    public struct DateTime: Sendable, Hashable {
        /// The calendar day, as written (not shifted to UTC).
        public var date: CalendarDate
        /// The time of day and its offset, as written.
        public var time: TimeOfDay

        /// A date and a time of day.
        public init(date: CalendarDate, time: TimeOfDay) {
            self.date = date
            self.time = time
        }

        /// Whole seconds since 1970-01-01T00:00:00Z, reading a missing offset as UTC; add
        /// `time.nanosecond` for the fraction.
        public var secondsSince1970: Int {
            date.daysSince1970 * 86_400 + time.secondsSinceMidnight - (time.utcOffsetSeconds ?? 0)
        }
    }
}
