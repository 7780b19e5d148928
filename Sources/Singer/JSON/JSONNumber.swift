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

    /// False for `NaN`, `Infinity` and `-Infinity` (the only texts that start with a letter
    /// after an optional minus).
    public var isFinite: Bool {
        var utf8 = text.utf8.makeIterator()
        var first = utf8.next()
        if first == UInt8(ascii: "-") { first = utf8.next() }
        return first.map { $0 &- UInt8(ascii: "0") < 10 } ?? false
    }

    /// Whether the text has neither fraction nor exponent (`12`, not `12.0` or `1.2e1`).
    public var isIntegerLiteral: Bool {
        isFinite && !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") })
    }

    /// Whether the value is a whole number, however it is written (`12`, `12.0`, `1.2e1`).
    /// Reads the digits in place: this runs for every `integer` field of every record.
    public var isIntegral: Bool { withDigits { $0?.isIntegral ?? false } }

    /// The value as an `Int` when it is integral and fits; `nil` otherwise, never a trap.
    public var intValue: Int? {
        if isIntegerLiteral, let value = Int(text) { return value }
        return ExactDecimal(self)?.intValue
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
        if lhs.text == rhs.text { return true }
        guard let left = ExactDecimal(lhs), let right = ExactDecimal(rhs) else { return false }
        return left == right
    }

    public func hash(into hasher: inout Hasher) {
        if let exact = ExactDecimal(self) { hasher.combine(exact) } else { hasher.combine(text) }
    }

    /// Exact numeric order for finite values; non-finite values order by their `Double`.
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        guard let left = ExactDecimal(lhs), let right = ExactDecimal(rhs) else { return lhs.doubleValue < rhs.doubleValue }
        return left.compare(to: right) < 0
    }

    static let nonFiniteTexts: Set<String> = ["NaN", "Infinity", "-Infinity"]

    /// RFC 8259 number syntax, exactly as the parser reads it (exponent limit included).
    static func isValidSyntax(_ text: String) -> Bool {
        var parser = JSONParser()
        guard let value = try? parser.parse(text), case .number = value else { return false }
        return true
    }
}
