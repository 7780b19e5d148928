/// Why one field failed, before the encoder adds the property, column type and excerpt.
struct CopyFieldFailure: Error {
    var reason: CopyEncodingError.Reason

    init(_ reason: CopyEncodingError.Reason) { self.reason = reason }
}
