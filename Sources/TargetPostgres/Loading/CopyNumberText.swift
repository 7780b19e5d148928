/// A number's text taken apart in place, for columns that need to know what it stands for
/// (`bigint`: is it an integer, does it fit) without going through a binary type that would
/// round it.
///
/// Reads JSON number syntax, and the looser decimal strings Python's `Decimal` writes and
/// PostgreSQL's `numeric` reads: an optional `+`, `.5`, `5.`, `NaN`, `Infinity`, `-Infinity`.
struct CopyNumberText {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var isNegative = false
    /// False for NaN and the infinities.
    private(set) var isFinite = true
    private(set) var integerDigits = 0..<0
    private(set) var fractionDigits = 0..<0
    /// Clamped to ±`exponentLimit`, far beyond anything a column holds.
    private(set) var exponent = 0

    private static let exponentLimit = 1_000_000_000
    /// PostgreSQL numeric: digits before the point (32768 base-10000 digits) and after it.
    private static let numericIntegerDigitLimit = 131_072
    private static let numericScaleLimit = 16_383

    /// Reads `bytes`; `nil` unless the whole text is a number.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            isNegative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        if Self.matches(bytes, from: index, "Infinity") || (index == 0 && Self.matches(bytes, from: 0, "NaN")) {
            isFinite = false
            return
        }
        integerDigits = Self.digitRun(bytes, from: index)
        index = integerDigits.upperBound
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            fractionDigits = Self.digitRun(bytes, from: index + 1)
            index = fractionDigits.upperBound
        } else {
            fractionDigits = index..<index
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else { return nil }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentIsNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentIsNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let digits = Self.digitRun(bytes, from: index)
            guard !digits.isEmpty else { return nil }
            for position in digits {
                exponent = min(exponent * 10 + Int(bytes[position] &- UInt8(ascii: "0")), Self.exponentLimit)
            }
            if exponentIsNegative { exponent = -exponent }
            index = digits.upperBound
        }
        guard index == bytes.count else { return nil }
    }

    // The digits of integer and fraction part read as one sequence, `digit(0)` the first.
    private var digitCount: Int { integerDigits.count + fractionDigits.count }

    private func digit(_ position: Int) -> UInt8 {
        if position < integerDigits.count { return bytes[integerDigits.lowerBound + position] }
        return bytes[fractionDigits.lowerBound + position - integerDigits.count]
    }

    /// Where the decimal point falls in the digit sequence once the exponent is applied.
    private var pointPosition: Int { integerDigits.count + exponent }

    /// The position of the first non-zero digit; `nil` when the value is zero.
    private var firstSignificant: Int? {
        (0..<digitCount).first { digit($0) != UInt8(ascii: "0") }
    }

    /// Whether the value is a whole number, however written (`12`, `12.0`, `1.2e1`, `1200e-2`).
    var isIntegral: Bool {
        guard isFinite else { return false }
        let firstFractional = max(pointPosition, 0)
        guard firstFractional < digitCount else { return true }
        return (firstFractional..<digitCount).allSatisfy { digit($0) == UInt8(ascii: "0") }
    }

    /// Whether the (integral) value lies within `Int64`.
    var fitsInt64: Bool {
        guard let first = firstSignificant else { return true }
        let length = pointPosition - first
        if length != 19 { return length < 19 }
        let limit = isNegative ? "9223372036854775808" : "9223372036854775807"
        for (offset, limitDigit) in limit.utf8.enumerated() {
            let position = first + offset
            let own = position < digitCount ? digit(position) : UInt8(ascii: "0")
            if own != limitDigit { return own < limitDigit }
        }
        return true
    }

    /// Appends the (integral) value in plain digits: no sign on zero, no leading zeros, no point.
    func appendInteger(to buffer: inout [UInt8]) {
        guard let first = firstSignificant, first < pointPosition else {
            buffer.append(UInt8(ascii: "0"))
            return
        }
        if isNegative { buffer.append(UInt8(ascii: "-")) }
        for position in first..<min(pointPosition, digitCount) { buffer.append(digit(position)) }
        if pointPosition > digitCount { buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: pointPosition - digitCount)) }
    }

    /// Whether PostgreSQL's `numeric` reads the text without overflowing. Its scale counts written
    /// fraction digits even when they are zeros (`0e-99999` overflows), so this is about the text.
    var fitsPostgresNumeric: Bool {
        guard isFinite else { return true }
        if fractionDigits.count - exponent > Self.numericScaleLimit { return false }
        guard let first = firstSignificant else { return true }
        return pointPosition - first <= Self.numericIntegerDigitLimit
    }

    private static func digitRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int> {
        var end = start
        while end < bytes.count, bytes[end] &- UInt8(ascii: "0") < 10 { end += 1 }
        return start..<end
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ word: StaticString) -> Bool {
        let word = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        return bytes.count - start == word.count && word.indices.allSatisfy { bytes[start + $0] == word[$0] }
    }
}
