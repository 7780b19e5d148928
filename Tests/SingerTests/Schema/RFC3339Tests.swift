import Testing

@testable import Singer

@Suite struct RFC3339Tests {
    @Test func dateTimeComponentsAreRead() throws {
        let moment = try #require(RFC3339.parseDateTime("2024-01-02T03:04:05.123456-05:30"))
        #expect(moment.date == RFC3339.CalendarDate(year: 2024, month: 1, day: 2))
        #expect(moment.time == RFC3339.TimeOfDay(hour: 3, minute: 4, second: 5, nanosecond: 123_456_000, utcOffsetSeconds: -19_800))
    }

    @Test func offsetsInEveryAcceptedSpelling() {
        #expect(RFC3339.parseDateTime("2024-01-02T03:04:05Z")?.time.utcOffsetSeconds == 0)
        #expect(RFC3339.parseDateTime("2024-01-02t03:04:05z")?.time.utcOffsetSeconds == 0)
        #expect(RFC3339.parseDateTime("2024-01-02T03:04:05.000+0000")?.time.utcOffsetSeconds == 0)
        #expect(RFC3339.parseDateTime("2024-01-02T03:04:05+01:00")?.time.utcOffsetSeconds == 3600)
        #expect(RFC3339.parseDateTime("2024-01-02T03:04:05+0530")?.time.utcOffsetSeconds == 19_800)
        #expect(RFC3339.parseDateTime("2024-01-02T03:04:05-08")?.time.utcOffsetSeconds == -28_800)
        #expect(RFC3339.parseDateTime("2024-01-02T03:04:05")?.time.utcOffsetSeconds == nil)
        #expect(RFC3339.parseDateTime("2024-01-02T03:04:05+24:00") == nil)
        #expect(RFC3339.parseDateTime("2024-01-02T03:04:05+01:60") == nil)
        #expect(RFC3339.parseDateTime("2024-01-02T03:04:05+01:0") == nil)
    }

    @Test func fractionsBecomeNanosecondsAndExtraDigitsAreDropped() {
        #expect(RFC3339.parseTime("00:00:00.5")?.nanosecond == 500_000_000)
        #expect(RFC3339.parseTime("00:00:00.000000001")?.nanosecond == 1)
        #expect(RFC3339.parseTime("00:00:00.1234567891234")?.nanosecond == 123_456_789)
    }

    @Test func leapDaysFollowTheGregorianRules() {
        #expect(RFC3339.parseDate("2024-02-29") != nil)
        #expect(RFC3339.parseDate("2000-02-29") != nil)
        #expect(RFC3339.parseDate("2023-02-29") == nil)
        #expect(RFC3339.parseDate("2100-02-29") == nil)
        #expect(RFC3339.parseDate("2024-02-30") == nil)
    }

    @Test func leapSecondIsAcceptedButHour24IsNot() {
        #expect(RFC3339.parseTime("23:59:60Z")?.second == 60)
        #expect(RFC3339.parseTime("24:00:00") == nil)
        #expect(RFC3339.parseTime("23:60:00") == nil)
    }

    @Test func malformedTextIsRejected() {
        for text in ["", "2024", "2024-01-02T", "2024-01-02X03:04:05Z", "2024-01-02T03:04", "２０２４-01-02T03:04:05Z",
                     "+2024-01-02T03:04:05Z", "2024-01-02T03:04:05ZZ", "2024-01-02T03:04:05.", "2024-00-10T00:00:00Z"] {
            #expect(RFC3339.parseDateTime(text) == nil, "\(text)")
        }
    }

    @Test func secondsSince1970CountFromTheUnixEpochInUTC() {
        #expect(RFC3339.parseDateTime("1970-01-01T00:00:00Z")?.secondsSince1970 == 0)
        #expect(RFC3339.parseDateTime("2024-01-02T03:04:05Z")?.secondsSince1970 == 1_704_164_645)
        #expect(RFC3339.parseDateTime("2024-01-01T22:04:05-05:00")?.secondsSince1970 == 1_704_164_645)
        #expect(RFC3339.parseDateTime("1969-12-31T23:59:59Z")?.secondsSince1970 == -1)
        #expect(RFC3339.parseDate("2000-03-01")?.daysSince1970 == 11_017)
    }
}

@Suite struct RFC3339FormattingTests {
    @Test func singerTimestampsAreUTCWithMicroseconds() throws {
        let moment = try #require(RFC3339.parseDateTime("2024-02-29T23:30:05.123456789-05:30"))
        #expect(moment.singerTimestamp == "2024-03-01T05:00:05.123456Z")
        #expect(RFC3339.DateTime(secondsSince1970: 0).singerTimestamp == "1970-01-01T00:00:00.000000Z")
        #expect(RFC3339.DateTime(secondsSince1970: -1).singerTimestamp == "1969-12-31T23:59:59.000000Z")
    }

    @Test func daysRoundTripThroughTheCalendar() {
        for days in stride(from: -800_000, through: 2_900_000, by: 997) {
            #expect(RFC3339.CalendarDate(daysSince1970: days).daysSince1970 == days)
        }
    }

    @Test func nowParsesBackToTheSameSecond() throws {
        let now = RFC3339.DateTime.now()
        let parsed = try #require(RFC3339.parseDateTime(now.singerTimestamp))
        #expect(parsed.secondsSince1970 == now.secondsSince1970)
        #expect(now.date.year >= 2024)
    }
}
