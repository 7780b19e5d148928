import SandboxKit
import Singer

/// A REST error as Salesforce sends it: an HTTP status and a JSON array of
/// `{"message", "errorCode"}`.
struct APIError: Error, Sendable {
    var status: Int
    var errorCode: String
    var message: String

    init(_ status: Int, _ errorCode: String, _ message: String) {
        self.status = status
        self.errorCode = errorCode
        self.message = message
    }

    init(_ soql: SOQLError, status: Int = 400) {
        self.init(status, soql.errorCode, soql.message)
    }

    static let invalidSession = APIError(401, "INVALID_SESSION_ID", "Session expired or invalid")
    static let limitExceeded = APIError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
    static let notFound = APIError(404, "NOT_FOUND", "The requested resource does not exist")
    static let queryTimeout = APIError(400, "QUERY_TIMEOUT", "Your query request was running for too long.")

    static func methodNotAllowed(_ method: String, allowed: [String]) -> APIError {
        APIError(405, "METHOD_NOT_ALLOWED", "HTTP Method '\(method)' not allowed. Allowed are \(allowed.joined(separator: ","))")
    }

    /// The JSON array body.
    var body: JSONValue {
        [["message": .string(message), "errorCode": .string(errorCode)]]
    }

    var response: SandboxResponse {
        .json(status: status, JSONWriter.string(from: body))
    }
}

extension SandboxResponse {
    /// A JSON response from a value.
    static func json(status: Int = 200, value: JSONValue) -> SandboxResponse {
        var writer = JSONWriter(capacity: 1024)
        writer.write(value)
        return .json(status: status, bytes: writer.bytes)
    }
}
