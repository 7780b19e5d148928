import Logging
import Singer

/// Turns a text value from an export file into the JSON value its schema asks for, as the
/// Python tap's `format_value` does, but keeping exact decimals instead of going through `float`.
///
/// - `""`, `null` (Marketo's empty marker) → null.
/// - `date-time` → `isoformat()` with the source offset (`Z` → `+00:00`); bare dates at midnight UTC.
/// - integer → whole number (decimals dropped, as the Python tap does); number → exact decimal.
/// - boolean → true only for `true` (any case) or `1`.
///
/// ```swift
/// let converter = FieldConverter(schema: ["type": ["null", "integer"]])
/// converter.convert("12.7")   // 12
/// ```
public struct FieldConverter: Sendable {
    public enum Kind: Sendable, Hashable { case string, dateTime, integer, number, boolean, array, object }
    public let kind: Kind

    public init(schema: JSONValue?) {
        let types: [String]
        switch schema?["type"] {
        case .string(let type)?: types = [type]
        case .array(let list)?: types = list.compactMap(\.stringValue)
        default: types = ["string"]
        }
        let type = types.first { $0 != "null" } ?? "string"
        switch type {
        case "integer": kind = .integer
        case "number": kind = .number
        case "boolean": kind = .boolean
        case "array": kind = .array
        case "object": kind = .object
        default: kind = schema?["format"]?.stringValue == "date-time" ? .dateTime : .string
        }
    }

    /// The typed value of `text`; unreadable numbers and dates become null rather than
    /// failing the run (`invalid` is called so the caller can warn once per field).
    public func convert(_ text: String, invalid: (String) -> Void = { _ in }) -> JSONValue {
        if text.isEmpty || text == "null" { return .null }
        switch kind {
        case .string:
            return .string(text)
        case .dateTime:
            if let value = MarketoTime.normalized(text) { return .string(value) }
            invalid(text)
            return .null
        case .integer:
            if let number = JSONNumber(text) {
                if number.isIntegerLiteral { return .number(number) }
                let whole = text.split(separator: ".", maxSplits: 1).first.map(String.init) ?? text
                if let truncated = JSONNumber(whole == "-" || whole.isEmpty ? "0" : whole), truncated.isIntegerLiteral {
                    return .number(truncated)
                }
            }
            invalid(text)
            return .null
        case .number:
            if let number = JSONNumber(text), number.isFinite { return .number(number) }
            invalid(text)
            return .null
        case .boolean:
            return .bool(text.lowercased() == "true" || text == "1")
        case .array, .object:
            var parser = JSONParser()
            if let value = try? parser.parse(text) { return value }
            return .string(text)
        }
    }
}
