/// One stored field value. Datetimes are seconds since the epoch (Zuora's precision); dates
/// are `yyyy-MM-dd`; decimals keep their exact text (many digits, negative signs).
public enum ZuoraValue: Sendable, Hashable {
    case null
    case text(String)
    case decimal(String)
    case integer(Int)
    case boolean(Bool)
    case date(String)
    case dateTime(Int64)

    /// The value as text (ISO UTC `yyyy-MM-ddTHH:mm:ssZ` for datetimes), `nil` for null.
    public var text: String? {
        switch self {
        case .null: nil
        case .text(let value), .decimal(let value), .date(let value): value
        case .integer(let value): String(value)
        case .boolean(let value): value ? "true" : "false"
        case .dateTime(let seconds): CivilTime.iso(seconds)
        }
    }

    /// Seconds since the epoch for datetimes.
    public var seconds: Int64? { if case .dateTime(let value) = self { value } else { nil } }
}
