/// A PostgreSQL identifier (table, column, schema name) and its quoted SQL spelling.
///
/// Quoting keeps case, spaces and punctuation exactly as given, so stream and property names from
/// outside can be used as table and column names without being folded to lower case.
///
/// ```swift
/// PostgresIdentifier.quoted("My \"Col\"")                       // "My ""Col"""
/// PostgresIdentifier.qualified(schema: "raw", name: "Account")  // "raw"."Account"
/// ```
public struct PostgresIdentifier: Sendable, Hashable {
    /// PostgreSQL keeps at most this many bytes of an identifier (NAMEDATALEN − 1) and silently
    /// truncates longer ones, which can make two long names collide.
    public static let maximumByteCount = 63

    /// The identifier as PostgreSQL stores it (no quotes, no escaping).
    public var name: String

    /// Wraps `name`.
    public init(_ name: String) {
        self.name = name
    }

    /// The identifier in double quotes, embedded double quotes doubled.
    public var quoted: String { Self.quoted(name) }

    /// Whether PostgreSQL will store the name unchanged (at most 63 bytes of UTF-8).
    public var fitsWithoutTruncation: Bool { name.utf8.count <= Self.maximumByteCount }

    /// The name PostgreSQL will actually store: the longest prefix of whole characters (Unicode
    /// scalars) within 63 bytes, as the server's own multibyte-aware clipping does.
    public var truncated: PostgresIdentifier {
        guard !fitsWithoutTruncation else { return self }
        var kept = ""
        var byteCount = 0
        for scalar in name.unicodeScalars {
            let width = UTF8.width(scalar)
            if byteCount + width > Self.maximumByteCount { break }
            kept.unicodeScalars.append(scalar)
            byteCount += width
        }
        return PostgresIdentifier(kept)
    }

    /// `name` as a quoted identifier: `My "Col"` → `"My ""Col"""`.
    public static func quoted(_ name: String) -> String {
        var quoted = "\""
        quoted.reserveCapacity(name.utf8.count + 2)
        // Scalars, not Characters: a quote followed by a combining mark is one Character that
        // is not equal to "\"", yet the server still sees a quote byte there.
        for scalar in name.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        quoted.append("\"")
        return quoted
    }

    /// A schema-qualified name: `"schema"."name"`.
    public static func qualified(schema: String, name: String) -> String {
        quoted(schema) + "." + quoted(name)
    }
}

extension PostgresIdentifier: CustomStringConvertible {
    /// The quoted form, ready to splice into SQL.
    public var description: String { quoted }
}
