/// A typed value while a row is generated or changed; rendered once into JSON bytes and
/// never kept per row.
enum FieldValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    /// `units / 10^scale`, exact (Amount 1234.5 is `decimal(123450, scale: 2)`).
    case decimal(Int64, scale: Int)
    case text(String)
    /// Days since 1970-01-01.
    case date(Int)
    /// Milliseconds since the epoch, UTC.
    case dateTime(Int64)
    /// Milliseconds since midnight.
    case time(Int)
    indirect case address(AddressValue)
    case location(latitude: Double, longitude: Double)

    var isNull: Bool { if case .null = self { true } else { false } }
}

/// The parts of a compound address, as REST renders it.
struct AddressValue: Sendable, Hashable {
    var street: String?
    var city: String?
    var state: String?
    var postalCode: String?
    var country: String?
    var latitude: FieldValue = .null
    var longitude: FieldValue = .null
    var geocodeAccuracy: String?
}
