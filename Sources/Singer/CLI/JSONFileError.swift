/// Why a JSON input file (config, catalog, state) could not be used. Descriptions name the role,
/// the path and, for syntax errors, the byte offset with its line and column.
public enum JSONFileError: Error, Sendable, Hashable, CustomStringConvertible {
    case notFound(role: String, path: String)
    case unreadable(role: String, path: String, reason: String)
    case invalidJSON(role: String, path: String, offset: Int, line: Int, column: Int, reason: String)

    public var path: String {
        switch self {
        case .notFound(_, let path), .unreadable(_, let path, _), .invalidJSON(_, let path, _, _, _, _): path
        }
    }

    public var description: String {
        switch self {
        case .notFound(let role, let path):
            "\(role) file '\(path)' does not exist"
        case .unreadable(let role, let path, let reason):
            "cannot read \(role) file '\(path)': \(reason)"
        case .invalidJSON(let role, let path, let offset, let line, let column, let reason):
            "\(role) file '\(path)' is not valid JSON: at byte \(offset) (line \(line), column \(column)): \(reason)"
        }
    }
}

extension JSONFileError: ExitStatusProviding {
    /// A bad input file named on the command line is a usage problem: fix the file and rerun.
    public var exitStatus: SingerExitStatus { .usage }
}
