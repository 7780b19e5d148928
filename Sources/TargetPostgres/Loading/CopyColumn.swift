/// One column of a COPY row: the record property it comes from and the type it is stored as.
///
/// ```swift
/// let amount = CopyColumn(propertyName: "Amount", type: .numeric)
/// ```
public struct CopyColumn: Sendable, Hashable {
    /// The property's name in the record, as the tap wrote it (not the SQL column name).
    public var propertyName: String
    /// The type of the column the value goes into.
    public var type: ColumnType

    public init(propertyName: String, type: ColumnType) {
        self.propertyName = propertyName
        self.type = type
    }
}
