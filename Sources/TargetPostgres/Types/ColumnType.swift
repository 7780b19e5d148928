/// The PostgreSQL type of a column the target creates, from the narrowest to the widest.
public enum ColumnType: String, Sendable, Hashable, CaseIterable {
    case boolean
    case bigint
    case numeric
    case date
    case time
    case timestamptz
    case text
    case jsonb

    /// The type as written in DDL.
    public var sql: String {
        switch self {
        case .timestamptz: "timestamp with time zone"
        case .time: "time without time zone"
        default: rawValue
        }
    }

    /// The column type for an existing column's `format_type` text, for schema evolution;
    /// `nil` for types this target never creates.
    public init?(formatType: String) {
        switch formatType {
        case "boolean": self = .boolean
        case "bigint": self = .bigint
        case "numeric": self = .numeric
        case "date": self = .date
        case "time without time zone": self = .time
        case "timestamp with time zone": self = .timestamptz
        case "text": self = .text
        case "jsonb": self = .jsonb
        default: return nil
        }
    }
}
