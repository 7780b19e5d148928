import Foundation

/// Parses a `Retry-After` header value in either of its two forms.
///
/// RFC 9110 allows a number of seconds (`120`) or an HTTP-date
/// (`Wed, 21 Oct 2015 07:28:00 GMT`). The date parser also accepts the two
/// obsolete forms HTTP/1.1 recipients must still read (RFC 850 and asctime),
/// and is written by hand to avoid locale-dependent `DateFormatter`s.
public enum RetryAfter {
    /// The delay the header asks for, measured from `now`; `nil` if the value
    /// is neither form. Dates in the past give a zero delay.
    public static func delay(from value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) {
            return seconds >= 0 ? .seconds(seconds) : nil
        }
        guard let date = parseHTTPDate(trimmed) else { return nil }
        return .secondsValue(date.timeIntervalSince(now))
    }

    /// Parses IMF-fixdate, RFC 850 and asctime dates, all in GMT.
    public static func parseHTTPDate(_ text: String) -> Date? {
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "-" }.map(String.init)
        var day: Int?, month: Int?, year: Int?, clock: (Int, Int, Int)?
        for token in tokens {
            if let monthIndex = months.firstIndex(of: token.lowercased()) {
                month = monthIndex + 1
            } else if token.contains(":") {
                let parts = token.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 3 else { return nil }
                clock = (parts[0], parts[1], parts[2])
            } else if let number = Int(token) {
                if day == nil, token.count <= 2 {
                    day = number
                } else {
                    // RFC 850 two-digit years: RFC 9110 says interpret so the
                    // date is not more than 50 years in the future; 1970+ is enough here.
                    year = token.count == 2 ? (number < 70 ? 2000 + number : 1900 + number) : number
                }
            }
        }
        guard let day, let month, let year, let clock,
              (1...31).contains(day), (0...23).contains(clock.0), (0...59).contains(clock.1), (0...60).contains(clock.2)
        else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + clock.0 * 3_600 + clock.1 * 60 + clock.2
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
    /// `days_from_civil`), so no time-zone database is consulted.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
