/// A table or column that already exists, with the Singer name its comment records, if any:
/// what ``NamePolicy/assign(_:existing:)`` reads to keep later runs on the same identifiers.
///
/// ```swift
/// // From `SELECT attname, col_description(attrelid, attnum) FROM pg_attribute …`:
/// ExistingName(identifier: "annualrevenue", comment: "singer:AnnualRevenue")
/// ExistingName(identifier: "_sdc_batched_at", comment: nil)
/// ```
public struct ExistingName: Sendable, Hashable {
    /// The table or column name as PostgreSQL stores it.
    public let identifier: String
    /// The Singer name it was made from; `nil` when no comment records one (created by another
    /// tool, by a person, or one of the target's own metadata columns).
    public let originalName: String?

    /// An identifier whose Singer name is known (or known to be absent).
    public init(identifier: String, originalName: String?) {
        self.identifier = identifier
        self.originalName = originalName
    }

    /// An identifier and its comment as read from `pg_description`; comments this target did
    /// not write record no name.
    public init(identifier: String, comment: String?) {
        self.init(identifier: identifier, originalName: NamePolicy.originalName(fromComment: comment))
    }
}
