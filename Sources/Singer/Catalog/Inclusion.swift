/// The `inclusion` metadata a tap writes for a field (or stream).
///
/// ```swift
/// Inclusion(rawValue: "automatic")   // .automatic: always emitted, whatever `selected` says
/// ```
public enum Inclusion: String, Sendable, Hashable, CaseIterable {
    /// Always emitted (key properties, replication keys).
    case automatic
    /// Emitted only when selected.
    case available
    /// Never emitted, even when selected.
    case unsupported
}
