import Singer

/// A record value that cannot go into its column as it stands.
///
/// The description names the property, a short excerpt of the value and the column type, e.g.
/// `AnnualRevenue: 1.75 does not fit column type bigint (not an integer)`.
/// ``Reason/needsWidening(column:)`` is the one reason a loader can act on: widen the column and
/// encode the record again.
public struct CopyEncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the value does not fit.
    public enum Reason: Sendable, Hashable {
        /// A valid value the column is too narrow for: the column must become `column` first.
        case needsWidening(column: ColumnType)
        /// A number with a fractional part, or NaN or an infinity, for a `bigint` column.
        case notAnInteger
        /// A JSON type the column does not take (`found` is the JSON type name, e.g. `string`).
        case wrongJSONType(found: String)
        /// A string for a `numeric` column that is not a decimal number.
        case notADecimalString
        /// A string for a `date`, `time` or `timestamptz` column that is not in that format.
        case notInFormat
        /// U+0000 under ``NULPolicy/fail``.
        case containsNUL
        /// A number beyond what PostgreSQL `numeric` holds (131072 digits before the point, 16383 after).
        case beyondNumericRange
        /// NaN or an infinity inside a `jsonb` value, which JSON has no form for.
        case nonFiniteNumberInJSON
    }

    /// The record property, as the tap named it.
    public var propertyName: String
    /// The type of the column the value was meant for.
    public var columnType: ColumnType
    /// The start of the value as JSON text, for messages.
    public var excerpt: String
    public var reason: Reason

    public init(propertyName: String, columnType: ColumnType, excerpt: String, reason: Reason) {
        self.propertyName = propertyName
        self.columnType = columnType
        self.excerpt = excerpt
        self.reason = reason
    }

    public var description: String {
        "\(propertyName): \(excerpt) does not fit column type \(columnType.rawValue) (\(explanation))"
    }

    private var explanation: String {
        switch reason {
        case .needsWidening(let wider): "beyond the 64-bit range; the column must widen to \(wider.rawValue)"
        case .notAnInteger: "not an integer"
        case .wrongJSONType(let found): "a JSON \(found), where \(columnType.rawValue) takes \(Self.expectedJSON(columnType))"
        case .notADecimalString: "a string that is not a decimal number"
        case .notInFormat: "not \(Self.expectedFormat(columnType))"
        case .containsNUL: "contains U+0000, which PostgreSQL cannot store; the NUL policy can strip or replace it"
        case .beyondNumericRange: "beyond the range of PostgreSQL numeric"
        case .nonFiniteNumberInJSON: "NaN and Infinity have no JSON form for jsonb"
        }
    }

    private static func expectedJSON(_ type: ColumnType) -> String {
        switch type {
        case .boolean: "true or false"
        case .bigint: "an integer"
        case .numeric: "a number or a decimal string"
        case .date, .time, .timestamptz: "a string"
        case .text, .jsonb: "any value"
        }
    }

    private static func expectedFormat(_ type: ColumnType) -> String {
        switch type {
        case .date: "a date (YYYY-MM-DD)"
        case .time: "a time of day (HH:MM:SS[.fraction][offset])"
        default: "an RFC 3339 date-time"
        }
    }

    /// The longest excerpt, in characters: enough to recognise a value, short enough for a log line.
    static let excerptLimit = 40

    /// `value` as compact JSON (so `""`, `"NULL"` and `null` read differently), cut at ``excerptLimit``.
    static func excerpt(of value: JSONValue) -> String {
        var text = JSONWriter.string(from: value)
        if case .number(let number) = value, !number.isFinite { text = number.text }  // not JSON's `null`
        guard text.count > excerptLimit else { return text }
        return text.prefix(excerptLimit) + "…"
    }
}
