/// Orders replication-key values the way bookmarks need: numbers numerically, timestamps as
/// instants (so `2024-01-02T03:00:00+01:00` equals `2024-01-02T02:00:00Z`, and tap-zuora's
/// `2024-01-02 02:00:00` compares with tap-salesforce's `…000000Z`), other strings by text.
///
/// ```swift
/// ReplicationValueOrder.compare("2024-01-02T03:00:00+01:00", "2024-01-02T02:00:00.000000Z")   // .equal
/// ReplicationValueOrder.compare(10, "x")   // nil: not comparable
/// ```
public enum ReplicationValueOrder: Sendable {
    /// How one value relates to another.
    public enum Relation: Sendable, Hashable {
        case less, equal, greater
    }

    /// How `lhs` relates to `rhs`, or `nil` when they cannot be compared.
    public static func compare(_ lhs: JSONValue, _ rhs: JSONValue) -> Relation? {
        switch (lhs, rhs) {
        case (.number(let left), .number(let right)):
            return relation(left, right)
        case (.string(let left), .string(let right)):
            if let leftInstant = BookmarkInstant(left), let rightInstant = BookmarkInstant(right) {
                return relation(leftInstant, rightInstant)
            }
            return relation(left, right)
        default:
            return nil
        }
    }

    private static func relation<Value: Comparable>(_ lhs: Value, _ rhs: Value) -> Relation {
        lhs < rhs ? .less : (lhs == rhs ? .equal : .greater)
    }
}

/// A point in time from `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM[:SS[.f…]]`
/// and a `Z` or `±HH[:MM]` offset (no offset means UTC). Enough for bookmark comparison;
/// not a general date library.
private struct BookmarkInstant: Comparable {
    var seconds: Int
    var nanoseconds: Int

    init?(_ text: String) {
        var scanner = BookmarkTextScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0, nanoseconds = 0, offset = 0
        if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
            guard let parsedHour = scanner.number(digits: 2), scanner.skip(":"),
                let parsedMinute = scanner.number(digits: 2), parsedHour < 24, parsedMinute < 60
            else { return nil }
            hour = parsedHour
            minute = parsedMinute
            if scanner.skip(":") {
                guard let parsedSecond = scanner.number(digits: 2), parsedSecond <= 60 else { return nil }
                second = parsedSecond
                if scanner.skip(".") || scanner.skip(",") {
                    guard let fraction = scanner.fraction() else { return nil }
                    nanoseconds = fraction
                }
            }
            if scanner.skip("Z") || scanner.skip("z") {
                offset = 0
            } else if let sign = scanner.sign() {
                guard let offsetHours = scanner.number(digits: 2) else { return nil }
                _ = scanner.skip(":")
                let offsetMinutes = scanner.number(digits: 2) ?? 0
                offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
            }
        }
        guard scanner.isAtEnd else { return nil }
        let days = Self.daysSinceEpoch(year: year, month: month, day: day)
        seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        self.nanoseconds = nanoseconds
    }

    static func < (lhs: BookmarkInstant, rhs: BookmarkInstant) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// Howard Hinnant's days-from-civil for the proleptic Gregorian calendar.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Reads fixed-width ASCII digits and separators from a byte string.
private struct BookmarkTextScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    mutating func number(digits count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<position + count] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        position += count
        return value
    }

    /// Fractional seconds as nanoseconds; digits past the ninth are read and ignored.
    mutating func fraction() -> Int? {
        var value = 0, digits = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            if digits < 9 { value = value * 10 + Int(bytes[position] - UInt8(ascii: "0")) }
            digits += 1
            position += 1
        }
        guard digits > 0 else { return nil }
        for _ in digits..<max(digits, 9) { value *= 10 }
        return value
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
