/// A finite JSON number read in place from its text, so that checking a record's numbers
/// allocates nothing: the value is `significand × 10^scale`, where the significand is the written
/// integer digits followed by the fraction digits (`-12.50e1` reads as `-1250 × 10^-1`).
struct DecimalDigits {
    private let bytes: UnsafeBufferPointer<UInt8>
    let isNegative: Bool
    private let integerStart: Int
    private let integerCount: Int
    private let fractionStart: Int
    private let fractionCount: Int
    /// The power of ten the significand is multiplied by (the parser keeps exponents within
    /// nine digits, so this cannot overflow; it saturates for unchecked text all the same).
    let scale: Int

    /// Reads RFC 8259 number text; `nil` for `NaN`, `Infinity` and `-Infinity`.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var index = 0
        isNegative = bytes.first == UInt8(ascii: "-")
        if isNegative { index = 1 }
        guard index < bytes.count, Self.isDigit(bytes[index]) else { return nil }
        integerStart = index
        while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        integerCount = index - integerStart
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") { index += 1 }
        fractionStart = index
        while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        fractionCount = index - fractionStart
        var exponent = 0
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var sign = 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { sign = -1; index += 1 }
            else if index < bytes.count, bytes[index] == UInt8(ascii: "+") { index += 1 }
            while index < bytes.count, Self.isDigit(bytes[index]) {
                exponent = min(exponent * 10 + Int(bytes[index] &- UInt8(ascii: "0")), 1_000_000_000)
                index += 1
            }
            exponent *= sign
        }
        scale = exponent - fractionCount
    }

    /// How many digits the significand has, leading and trailing zeros included.
    var count: Int { integerCount + fractionCount }

    /// The significand's digit at `position` (0 is the most significant), as 0…9.
    subscript(position: Int) -> Int {
        let byte = position < integerCount
            ? bytes[integerStart + position] : bytes[fractionStart + position - integerCount]
        return Int(byte &- UInt8(ascii: "0"))
    }

    var firstSignificant: Int? { (0..<count).first { self[$0] != 0 } }

    var lastSignificant: Int? { (0..<count).last { self[$0] != 0 } }

    /// Whether the value is whole: every digit below the units position is zero.
    var isIntegral: Bool {
        guard scale < 0 else { return true }
        return (max(0, count + scale)..<count).allSatisfy { self[$0] == 0 }
    }

    /// -1, 0 or 1 as the value is below, equal to or above `other`.
    func compare(to other: ExactDecimal) -> Int {
        let first = firstSignificant, last = lastSignificant
        let selfSign = first == nil ? 0 : (isNegative ? -1 : 1)
        let otherSign = other.digits.isEmpty ? 0 : (other.isNegative ? -1 : 1)
        if selfSign != otherSign { return selfSign < otherSign ? -1 : 1 }
        guard let first, let last else { return 0 }
        // Compare the position of the leading digit first, then the digits themselves.
        let selfMagnitude = scale + count - first
        let otherMagnitude = other.digits.count + other.exponent
        var result = 0
        if selfMagnitude != otherMagnitude {
            result = selfMagnitude < otherMagnitude ? -1 : 1
        } else {
            let selfLength = last - first + 1
            for offset in 0..<max(selfLength, other.digits.count) {
                let mine = offset < selfLength ? self[first + offset] : 0
                let theirs = offset < other.digits.count ? Int(other.digits[offset]) : 0
                if mine != theirs { result = mine < theirs ? -1 : 1; break }
            }
        }
        return selfSign < 0 ? -result : result
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}

/// A finite number in canonical form, worked out once when a schema is built:
/// `digits × 10^exponent` with no leading or trailing zeros in `digits` (empty for zero).
struct ExactDecimal: Sendable, Hashable {
    let isNegative: Bool
    /// Decimal digits as values 0…9.
    let digits: [UInt8]
    let exponent: Int

    /// `nil` for `NaN` and the infinities.
    init?(_ number: JSONNumber) {
        guard let parts = number.withDigits({ reading -> (Bool, [UInt8], Int)? in
            guard let reading else { return nil }
            guard let first = reading.firstSignificant, let last = reading.lastSignificant else { return (false, [], 0) }
            let digits = (first...last).map { UInt8(reading[$0]) }
            return (reading.isNegative, digits, reading.scale + (reading.count - 1 - last))
        }) else { return nil }
        (isNegative, digits, exponent) = parts
    }

    /// -1, 0 or 1 as `self` is below, equal to or above `other`.
    func compare(to other: ExactDecimal) -> Int {
        let selfSign = digits.isEmpty ? 0 : (isNegative ? -1 : 1)
        let otherSign = other.digits.isEmpty ? 0 : (other.isNegative ? -1 : 1)
        if selfSign != otherSign { return selfSign < otherSign ? -1 : 1 }
        if selfSign == 0 { return 0 }
        // Same sign: the position of the leading digit first, then the digits themselves.
        let selfMagnitude = digits.count + exponent, otherMagnitude = other.digits.count + other.exponent
        var result = 0
        if selfMagnitude != otherMagnitude {
            result = selfMagnitude < otherMagnitude ? -1 : 1
        } else {
            for offset in 0..<max(digits.count, other.digits.count) {
                let mine = offset < digits.count ? digits[offset] : 0
                let theirs = offset < other.digits.count ? other.digits[offset] : 0
                if mine != theirs { result = mine < theirs ? -1 : 1; break }
            }
        }
        return selfSign < 0 ? -result : result
    }

    /// The value as an `Int` when it is whole and fits, overflow checked at every step.
    var intValue: Int? {
        guard exponent >= 0 || digits.isEmpty, digits.count + exponent <= 19 else { return nil }
        // Accumulate negatively: Int.min has no positive counterpart.
        var value = 0
        for digit in digits {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, underflow) = shifted.subtractingReportingOverflow(Int(digit))
            guard !overflow, !underflow else { return nil }
            value = sum
        }
        for _ in 0..<max(0, exponent) {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = shifted
        }
        if isNegative { return value }
        let (positive, overflow) = (0).subtractingReportingOverflow(value)
        return overflow ? nil : positive
    }
}

extension JSONNumber {
    /// Runs `body` over the number's digits without copying them; `body` gets `nil` for `NaN`
    /// and the infinities.
    func withDigits<Result>(_ body: (DecimalDigits?) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable({ body(DecimalDigits($0)) }) { return result }
        return Array(text.utf8).withUnsafeBufferPointer { body(DecimalDigits($0)) }
    }

}
