/// The identifiers chosen for one table's properties (or one schema's streams): a result of
/// ``NamePolicy/assign(_:existing:)``.
///
/// ```swift
/// let names = NamePolicy.assign(["Id", "Name", "name"], existing: [])
/// names["name"]    // "name"
/// names["Name"]    // "name__<8 hex digits>"
/// names.entries.filter(\.needsComment)   // what to COMMENT ON after creating the columns
/// ```
public struct NameAssignment: Sendable, Hashable {
    /// One Singer name and the identifier it maps to.
    public struct Entry: Sendable, Hashable {
        /// Why the identifier was chosen, which tells the loader what DDL it still needs.
        public enum Source: Sendable, Hashable {
            /// An existing identifier whose comment records this name: nothing to do.
            case recorded
            /// An existing identifier with no recorded name, equal to this name's plain
            /// identifier (a table another target created): record the name in its comment.
            case adopted
            /// An identifier that does not exist yet: create it and record the name.
            case new
        }

        /// The property or stream name as the tap sent it.
        public let originalName: String
        /// The table or column name to use, at most 63 bytes and unique among its siblings.
        public let identifier: String
        /// How the identifier was chosen.
        public let source: Source

        /// Whether the loader must write ``NamePolicy/comment(forOriginalName:)`` on the identifier.
        public var needsComment: Bool { source != .recorded }
    }

    /// One entry per distinct name, in the order the names were given.
    public let entries: [Entry]

    private let identifiersByOriginal: [String: String]

    init(entries: [Entry]) {
        self.entries = entries
        identifiersByOriginal = Dictionary(entries.map { ($0.originalName, $0.identifier) }, uniquingKeysWith: { first, _ in first })
    }

    /// The identifier for the Singer name `originalName`, if it was one of the names assigned.
    public subscript(originalName: String) -> String? {
        identifiersByOriginal[originalName]
    }
}
