/// What to do with U+0000 in a value bound for a `text` or `jsonb` column.
///
/// PostgreSQL can hold neither a NUL byte in `text` nor a `\u0000` escape in `jsonb`; JSON can
/// carry one in any string (as `\u0000`). Failing is the default because the other choices change
/// the data.
///
/// ```swift
/// let encoder = CopyRowEncoder(columns: columns, nulPolicy: .replace("\u{FFFD}"))
/// ```
public enum NULPolicy: Sendable, Hashable {
    /// Rejects the record with an error naming the property.
    case fail
    /// Drops each U+0000.
    case strip
    /// Writes this text in place of each U+0000 (any U+0000 inside the replacement is dropped).
    case replace(String)
}

extension NULPolicy {
    /// What stands for U+0000 in output: `nil` to fail, nothing to strip, else the replacement
    /// (its own U+0000s dropped) escaped by `escape` for where it is written.
    func replacementBytes(escapedBy escape: (UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Void) -> [UInt8]? {
        switch self {
        case .fail: return nil
        case .strip: return []
        case .replace(let replacement):
            var escaped: [UInt8] = []
            Array(replacement.utf8.filter { $0 != 0 }).withUnsafeBufferPointer { escape($0, &escaped) }
            return escaped
        }
    }
}
