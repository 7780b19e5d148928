/// Table versions for ACTIVATE_VERSION, where the reference taps keep them.
///
/// ```swift
/// state.setVersion(1_795_948_757_043, stream: "Account")                  // versions.Account
/// state.setVersion(1_795_948_869, stream: "Invoice", location: .bookmark)   // tap-zuora
/// state.version(stream: "Account")
/// ```
extension State {
    /// Where a tap writes a stream's version.
    public enum VersionLocation: Sendable, Hashable {
        /// Top-level `versions.<stream>` (singer-python, tap-salesforce).
        case versions
        /// `bookmarks.<stream>.version` (older singer-python states, tap-zuora).
        case bookmark
    }

    /// The stream's version: `versions.<stream>`, else `bookmarks.<stream>.version`.
    public func version(stream: String) -> Int? {
        members["versions"]?[stream]?.intValue ?? bookmark(stream: stream)?.version
    }

    /// Sets (or with `nil` removes) the stream's version at `location`.
    public mutating func setVersion(_ version: Int?, stream: String, location: VersionLocation = .versions) {
        switch location {
        case .versions:
            var versions = members["versions"]?.objectValue ?? JSONObject()
            versions[stream] = version.map { .number(JSONNumber($0)) }
            members["versions"] = .object(versions)
        case .bookmark:
            if version == nil && bookmark(stream: stream) == nil { return }
            updateBookmark(stream: stream) { $0.version = version }
        }
    }
}
