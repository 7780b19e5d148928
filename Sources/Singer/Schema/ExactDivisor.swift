/// A `multipleOf` value, prepared so that checking a record's number is exact decimal arithmetic
/// on its digits: `0.3` is a multiple of `0.1` and `12345678901234.99` of `0.01`, which binary
/// floating point gets wrong.
struct ExactDivisor: Sendable, Hashable {
    /// The divisor as `D × 10^k`: D is `decimal.digits`, k is `decimal.exponent`.
    let decimal: ExactDecimal
    /// D when it fits in 64 bits, which is every divisor seen in practice.
    private let smallSignificand: UInt64?

    /// `nil` unless `number` is finite and greater than zero.
    init?(_ number: JSONNumber) {
        guard let decimal = ExactDecimal(number), !decimal.isNegative, !decimal.digits.isEmpty else { return nil }
        self.decimal = decimal
        var significand: UInt64? = 0
        for digit in decimal.digits {
            guard let current = significand else { break }
            let (product, overflow) = current.multipliedReportingOverflow(by: 10)
            let (sum, carry) = product.addingReportingOverflow(UInt64(digit))
            significand = overflow || carry ? nil : sum
        }
        smallSignificand = significand
    }

    /// Whether `value` (V × 10^j) is an integer multiple of this divisor (D × 10^k).
    func divides(_ value: DecimalDigits) -> Bool {
        guard let first = value.firstSignificant else { return true }
        let k = decimal.exponent, j = value.scale
        if j >= k {
            // D divides V × 10^(j-k). Writing D = 2^a × 5^b × D', any shift of at least
            // max(a, b) behaves the same, and max(a, b) < 4 × D's digit count, so huge
            // exponents need no huge loops.
            let shift = min(j - k, 4 * decimal.digits.count + 4)
            return remainderIsZero(digitCount: value.count - first + shift) { position in
                position < value.count - first ? value[first + position] : 0
            }
        }
        // V × 10^(j-k) is whole only if V's last (k-j) digits are zero; then D must divide the rest.
        let dropped = k - j
        let significantCount = value.count - first
        guard dropped < significantCount else { return false }
        guard (value.count - dropped..<value.count).allSatisfy({ value[$0] == 0 }) else { return false }
        return remainderIsZero(digitCount: significantCount - dropped) { value[first + $0] }
    }

    private func remainderIsZero(digitCount: Int, digitAt: (Int) -> Int) -> Bool {
        if let divisor = smallSignificand {
            return Self.remainder(digitCount: digitCount, digitAt: digitAt, modulo: divisor) == 0
        }
        return Self.bigRemainderIsZero(digitCount: digitCount, digitAt: digitAt, divisor: decimal.digits)
    }

    /// The digits' value modulo `divisor`, taken 18 digits at a time so a typical number costs
    /// one division.
    private static func remainder(digitCount: Int, digitAt: (Int) -> Int, modulo divisor: UInt64) -> UInt64 {
        var remainder: UInt64 = 0
        var position = 0
        while position < digitCount {
            let chunkEnd = min(position + 18, digitCount)
            var chunk: UInt64 = 0, chunkScale: UInt64 = 1
            for index in position..<chunkEnd {
                chunk = chunk * 10 + UInt64(digitAt(index))
                chunkScale *= 10
            }
            // remainder × 10^18 + chunk stays below (divisor + 1) × 10^18, so the high word is
            // below the divisor and the wide division cannot overflow.
            let (high, low) = remainder.multipliedFullWidth(by: chunkScale)
            let (sum, carry) = low.addingReportingOverflow(chunk)
            remainder = divisor.dividingFullWidth((high &+ (carry ? 1 : 0), sum)).remainder
            position = chunkEnd
        }
        return remainder
    }

    /// Schoolbook long division on digit arrays, for divisors with more than 19 significant digits.
    private static func bigRemainderIsZero(digitCount: Int, digitAt: (Int) -> Int, divisor: [UInt8]) -> Bool {
        var remainder: [UInt8] = []
        for position in 0..<digitCount {
            remainder.append(UInt8(digitAt(position)))
            if remainder == [0] { remainder.removeAll() }
            while !isLess(remainder, divisor) { subtract(divisor, from: &remainder) }
        }
        return remainder.isEmpty
    }

    private static func isLess(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.count != rhs.count ? lhs.count < rhs.count : lhs.lexicographicallyPrecedes(rhs)
    }

    /// `minuend -= subtrahend`, both big-endian digits without leading zeros, minuend the larger.
    private static func subtract(_ subtrahend: [UInt8], from minuend: inout [UInt8]) {
        var borrow = 0
        var offset = 0
        while offset < minuend.count {
            let index = minuend.count - 1 - offset
            let other = offset < subtrahend.count ? Int(subtrahend[subtrahend.count - 1 - offset]) : 0
            var digit = Int(minuend[index]) - other - borrow
            borrow = digit < 0 ? 1 : 0
            if digit < 0 { digit += 10 }
            minuend[index] = UInt8(digit)
            offset += 1
        }
        let leadingZeros = minuend.prefix { $0 == 0 }.count
        minuend.removeFirst(leadingZeros)
    }
}
