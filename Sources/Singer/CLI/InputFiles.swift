/// Reading the catalog and state files a tap is given, with errors that name the file.

extension Catalog {
    /// The catalog in the `--catalog` (or `--properties`) file at `path`.
    ///
    /// ```swift
    /// let catalog = try options.catalogPath.map { try Catalog(contentsOf: $0) }
    /// ```
    public init(contentsOf path: String) throws {
        let json = try JSONFile.read(path, role: "catalog")
        do {
            try self.init(json: json)
        } catch {
            throw InputFileContentError(path: path, underlying: error)
        }
    }
}

extension State {
    /// The state in the `--state` file at `path` (the value of a STATE message, or `{}`).
    public init(contentsOf path: String, currentStreamKey: CurrentStreamKey? = nil) throws {
        let json = try JSONFile.read(path, role: "state")
        do {
            try self.init(json: json, currentStreamKey: currentStreamKey)
        } catch {
            throw InputFileContentError(path: path, underlying: error)
        }
    }
}

/// A file that parsed as JSON but does not make a valid catalog or state: the file's path
/// and the reason. Keeps the exit status of the reason (2 for a malformed file).
public struct InputFileContentError: ExitStatusProviding, Sendable, CustomStringConvertible {
    public var path: String
    public var underlying: any Error & Sendable

    public var exitStatus: SingerExitStatus { ConnectorRunner.exitStatus(for: underlying) }

    public var description: String { "\(path): \(underlying)" }
}
