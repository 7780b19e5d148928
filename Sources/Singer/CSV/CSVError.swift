/// Input that is not CSV, with the row where it went wrong.
public enum CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input ended inside a quoted field: the body was cut short or a quote is unbalanced.
    case unterminatedQuote(row: Int)
    /// A row grew beyond the parser's `maxRowBytes` (a runaway quote swallowing the input).
    case rowTooLong(row: Int, limit: Int)

    public var description: String {
        switch self {
        case .unterminatedQuote(let row):
            return "CSV row \(row): the input ended inside a quoted field (truncated download or unbalanced quote)"
        case .rowTooLong(let row, let limit):
            return "CSV row \(row): longer than \(limit) bytes; most likely an unbalanced quote swallowed the rest of the input"
        }
    }
}
