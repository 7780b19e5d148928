/// The value of a schema's `format` keyword.
///
/// Only `date-time`, `date` and `time` are checked during validation, because a target maps them
/// to `timestamptz`, `date` and `time` columns; every other format (`email`, `uri`,
/// `singer.decimal`, …) passes through unchecked, as Python's jsonschema does by default.
///
/// ```swift
/// schema.format == .dateTime        // true for {"type": "string", "format": "date-time"}
/// SchemaFormat("x-singer.decimal").isDecimal   // true
/// ```
public struct SchemaFormat: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The format named `name`, as written in the schema.
    public init(_ name: String) { rawValue = name }

    /// RFC 3339 date and time, e.g. `2024-01-02T03:04:05Z`.
    public static let dateTime = SchemaFormat("date-time")
    /// A calendar date, `YYYY-MM-DD`.
    public static let date = SchemaFormat("date")
    /// A time of day, `HH:MM:SS[.fraction][offset]`.
    public static let time = SchemaFormat("time")
    /// singer-python's marker for a decimal sent as a string.
    public static let singerDecimal = SchemaFormat("singer.decimal")
    /// The Singer SDK's marker for a decimal sent as a string.
    public static let xSingerDecimal = SchemaFormat("x-singer.decimal")

    /// Whether the format marks a decimal number carried in a string.
    public var isDecimal: Bool { self == .singerDecimal || self == .xSingerDecimal }

    public var description: String { rawValue }
}
