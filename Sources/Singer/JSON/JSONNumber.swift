/// A JSON number kept as the exact text it was written with.
///
/// Nothing goes through `Double` unless asked: a Salesforce currency of `12345678901234.99` or an
/// id of `9007199254740993` comes out as it went in. Equality is numeric (`1.0 == 1` and
/// `1e2 == 100`), so schemas and bookmarks compare the way people expect.
///
/// ```swift
/// let amount = JSONNumber("12345678901234.99")!
/// amount.text          // "12345678901234.99"
/// JSONNumber("100")!.intValue   // 100
/// ```
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The number as written: RFC 8259 grammar, or `NaN`, `Infinity`, `-Infinity` (which some
    /// Python taps emit with `allow_nan=True`).
    public let text: String

    /// Accepts RFC 8259 number syntax, plus `NaN`, `Infinity` and `-Infinity`.
    public init?(_ text: String) {
        guard Self.isValidSyntax(text) || Self.nonFiniteTexts.contains(text) else { return nil }
        self.text = text
    }

    /// For text the parser has already checked.
    init(uncheckedText text: String) { self.text = text }

    public init<Integer: BinaryInteger>(_ value: Integer) { text = String(value) }

    /// A Double's shortest round-tripping text; integral values below 2^53 print without a fraction.
    public init(_ value: Double) {
        if value.isNaN {
            text = "NaN"
        } else if value.isInfinite {
            text = value < 0 ? "-Infinity" : "Infinity"
        } else if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            text = String(Int64(value))
        } else {
            text = "\(value)"
        }
    }

    public var description: String { text }

    /// False for `NaN`, `Infinity` and `-Infinity`.
    public var isFinite: Bool { !Self.nonFiniteTexts.contains(text) }

    /// Whether the text has neither fraction nor exponent (`12`, not `12.0` or `1.2e1`).
    public var isIntegerLiteral: Bool {
        isFinite && !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") })
    }

    /// Whether the value is a whole number, however it is written (`12`, `12.0`, `1.2e1`).
    public var isIntegral: Bool {
        guard isFinite else { return false }
        let canonical = canonicalForm
        return canonical.digits.isEmpty || canonical.exponent >= 0
    }

    /// The value as an `Int` when it is integral and fits.
    public var intValue: Int? {
        if isIntegerLiteral, let value = Int(text) { return value }
        guard isIntegral else { return nil }
        let canonical = canonicalForm
        guard canonical.digits.count + canonical.exponent <= 19 else { return nil }
        var value = 0
        for digit in canonical.digits.utf8 {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = product + Int(digit - UInt8(ascii: "0"))
        }
        for _ in 0..<canonical.exponent {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = product
        }
        return canonical.isNegative ? -value : value
    }

    /// The nearest `Double`: for arithmetic and display, never for storage.
    public var doubleValue: Double {
        switch text {
        case "NaN": .nan
        case "Infinity": .infinity
        case "-Infinity": -.infinity
        default: Double(text) ?? .nan
        }
    }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.text == rhs.text || (lhs.isFinite && rhs.isFinite && lhs.canonicalForm == rhs.canonicalForm)
    }

    public func hash(into hasher: inout Hasher) {
        if isFinite { hasher.combine(canonicalForm) } else { hasher.combine(text) }
    }

    /// Exact numeric order for finite values; non-finite values order by their `Double`.
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        guard lhs.isFinite, rhs.isFinite else { return lhs.doubleValue < rhs.doubleValue }
        return lhs.canonicalForm.compare(to: rhs.canonicalForm) < 0
    }

    static let nonFiniteTexts: Set<String> = ["NaN", "Infinity", "-Infinity"]

    /// RFC 8259: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    static func isValidSyntax(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let count = bytes.prefix(while: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }).count
            bytes = bytes.dropFirst(count)
            return count
        }
        let leading = bytes.first
        let integerDigits = digits()
        guard integerDigits > 0, !(leading == UInt8(ascii: "0") && integerDigits > 1) else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if let e = bytes.first, e | 0x20 == UInt8(ascii: "e") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}

extension JSONNumber {
    /// Sign, significant digits without leading or trailing zeros, and a power of ten:
    /// `-12.50e1` is `(negative, "125", 0)`; zero is `(false, "", 0)`.
    struct CanonicalForm: Hashable {
        var isNegative: Bool
        var digits: String
        var exponent: Int

        /// -1, 0 or 1 as `self` is below, equal to or above `other`.
        func compare(to other: CanonicalForm) -> Int {
            if digits.isEmpty && other.digits.isEmpty { return 0 }
            let selfSign = digits.isEmpty ? 0 : (isNegative ? -1 : 1)
            let otherSign = other.digits.isEmpty ? 0 : (other.isNegative ? -1 : 1)
            if selfSign != otherSign { return selfSign < otherSign ? -1 : 1 }
            // Same sign: compare magnitudes, then flip for negatives.
            let selfMagnitude = digits.count + exponent, otherMagnitude = other.digits.count + other.exponent
            var result: Int
            if selfMagnitude != otherMagnitude {
                result = selfMagnitude < otherMagnitude ? -1 : 1
            } else {
                let a = Array(digits.utf8), b = Array(other.digits.utf8)
                result = 0
                for index in 0..<max(a.count, b.count) {
                    let x = index < a.count ? a[index] : UInt8(ascii: "0")
                    let y = index < b.count ? b[index] : UInt8(ascii: "0")
                    if x != y { result = x < y ? -1 : 1; break }
                }
            }
            return selfSign < 0 ? -result : result
        }
    }

    var canonicalForm: CanonicalForm {
        let bytes = Array(text.utf8)
        var index = 0
        let isNegative = bytes.first == UInt8(ascii: "-")
        if isNegative { index += 1 }
        var digits: [UInt8] = []
        var exponent = 0
        var seenPoint = false
        while index < bytes.count, bytes[index] | 0x20 != UInt8(ascii: "e") {
            if bytes[index] == UInt8(ascii: ".") {
                seenPoint = true
            } else {
                digits.append(bytes[index])
                if seenPoint { exponent -= 1 }
            }
            index += 1
        }
        if index < bytes.count {
            index += 1
            var exponentSign = 1
            if bytes[index] == UInt8(ascii: "-") { exponentSign = -1; index += 1 } else if bytes[index] == UInt8(ascii: "+") { index += 1 }
            var written = 0
            while index < bytes.count {
                // Saturate: exponents beyond a billion are far past any real value.
                written = min(written * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000_000)
                index += 1
            }
            exponent += exponentSign * written
        }
        let firstSignificant = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }) ?? digits.count
        digits.removeFirst(firstSignificant)
        while digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty { return CanonicalForm(isNegative: false, digits: "", exponent: 0) }
        return CanonicalForm(isNegative: isNegative, digits: String(decoding: digits, as: UTF8.self), exponent: exponent)
    }
}
