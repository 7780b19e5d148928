#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the JSON files a connector is given on the command line (`--catalog`, `--state`,
/// `--config`) with errors that say which file and where in it.
///
/// ```swift
/// let state = try JSONFile.read("state.json", role: "state")     // JSONValue
/// // JSONFileError: state file 'state.json' is not valid JSON: at byte 41 (line 3, column 7): ...
/// ```
public enum JSONFile {
    /// Parses the whole file at `path`; `role` names it in errors ("catalog", "state", "config").
    public static func read(_ path: String, role: String) throws(JSONFileError) -> JSONValue {
        let bytes = try readBytes(path, role: role)
        var parser = JSONParser()
        do {
            return try parser.parse(bytes)
        } catch let error as JSONParseError {
            let position = lineAndColumn(of: error.offset, in: bytes)
            throw .invalidJSON(
                role: role, path: path, offset: error.offset, line: position.line, column: position.column,
                reason: error.reason)
        } catch {
            throw .invalidJSON(role: role, path: path, offset: 0, line: 1, column: 1, reason: "\(error)")
        }
    }

    /// The raw bytes of the file at `path`.
    public static func readBytes(_ path: String, role: String) throws(JSONFileError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            if errno == ENOENT { throw .notFound(role: role, path: path) }
            throw .unreadable(role: role, path: path, reason: systemErrorText(errno))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            bytes.append(contentsOf: chunk[0..<count])
            if count < chunk.count {
                if ferror(file) != 0 { throw .unreadable(role: role, path: path, reason: systemErrorText(errno)) }
                return bytes
            }
        }
    }

    /// 1-based line and column (in bytes) of `offset`, for people opening the file in an editor.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

}
