/// A Marketo error, answered in the envelope (`success: false`, `errors: [{code, message}]`)
/// with HTTP 200 as Marketo does, or as a bare HTTP status for transport-level faults.
struct MarketoError: Error, Sendable {
    /// Marketo's code, sent as a quoted integer (`"601"`).
    var code: String
    var message: String
    /// The HTTP status: 200 for envelope errors.
    var httpStatus: Int = 200

    static let emptyToken = MarketoError(code: "600", message: "Access token not specified")
    static let invalidToken = MarketoError(code: "601", message: "Access token invalid")
    static let expiredToken = MarketoError(code: "602", message: "Access token expired")
    static let rateLimited = MarketoError(code: "606", message: "Max rate limit '100' exceeded with in '20' secs")
    static let dailyQuota = MarketoError(code: "607", message: "Daily quota reached")
    static let notFound = MarketoError(code: "610", message: "Requested resource not found")
    static let concurrency = MarketoError(code: "615", message: "Concurrent access limit reached")
    static let updatedAtUnsupported = MarketoError(code: "1035", message: "Unsupported filter type for target subscription: updatedAt")

    static func invalidValue(_ message: String) -> MarketoError { MarketoError(code: "1003", message: message) }
    static func missing(_ name: String) -> MarketoError { MarketoError(code: "609", message: "\(name) cannot be blank") }
}
