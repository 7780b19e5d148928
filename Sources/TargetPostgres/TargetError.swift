import Postgres
import Singer

/// Why the target stopped, with the stream, input line and column where it applies.
public enum TargetError: Error, Sendable, CustomStringConvertible {
    case unmanagedColumnType(table: String, column: String)
    case keyChangeFailed(table: String, from: [String], to: [String], reason: String)
    case unsupportedMessage(line: Int, stream: String, type: String)
    case record(line: Int, stream: String, reason: String)
    /// A SCHEMA the target cannot make a table of.
    case schema(stream: String, reason: String)
    /// PostgreSQL refused or lost the connection while the target handled the message on `line`.
    case database(line: Int, stream: String?, error: PostgresError)

    public var description: String {
        switch self {
        case .unmanagedColumnType(let table, let column):
            return "\(table).\(column) has a type this target does not manage; change it to one of "
                + ColumnType.allCases.map(\.sql).joined(separator: ", ") + " or drop it"
        case .keyChangeFailed(let table, let from, let to, let reason):
            return "\(table): key_properties changed from \(from) to \(to), and the rows already loaded do not fit "
                + "the new primary key (\(reason)); clean them up or reload the stream into a fresh table"
        case .unsupportedMessage(let line, let stream, let type):
            return "line \(line) (stream \"\(stream)\"): \(type) messages are not supported by this target yet"
        case .record(let line, let stream, let reason):
            return "line \(line) (stream \"\(stream)\"): \(reason)"
        case .schema(let stream, let reason):
            return "stream \"\(stream)\": cannot load its SCHEMA: \(reason)"
        case .database(let line, let stream, let error):
            let place = "line \(line)" + (stream.map { " (stream \"\($0)\")" } ?? "")
            return "\(place): PostgreSQL: \(error)" + (error.isConnectionLost ? " — the connection was lost; rerun from the last state written" : "")
        }
    }
}
