import SandboxKit
import Singer

/// An error answer in one of Zuora's documented shapes.
struct ZuoraError: Error, Sendable {
    var status: Int
    var body: JSONValue
    /// The vendor code, for the request log.
    var code: String

    /// The CRUD/describe shape: `{"Success":false,"Errors":[{"Code","Message"}]}`.
    static func crud(_ status: Int, _ code: String, _ message: String) -> ZuoraError {
        ZuoraError(status: status, body: ["Success": false, "Errors": [["Code": .string(code), "Message": .string(message)]]], code: code)
    }

    /// The v1 REST shape: `{"success":false,"reasons":[{"code","message"}]}`.
    static func reasons(_ status: Int, _ code: Int, _ message: String) -> ZuoraError {
        ZuoraError(status: status, body: ["success": false, "reasons": [["code": .number(JSONNumber(code)), "message": .string(message)]]], code: String(code))
    }

    static let unauthorized = reasons(401, 90_000_011, "this resource is protected, please sign in first")
    static let notFound = reasons(404, 50_000_040, "The requested resource was not found.")

    static func methodNotAllowed(_ method: String) -> ZuoraError {
        reasons(405, 50_000_005, "HTTP method \(method) is not supported for this resource.")
    }

    var response: SandboxResponse { .json(status: status, value: body) }
}

extension SandboxResponse {
    /// A JSON response from a value.
    static func json(status: Int = 200, value: JSONValue, headers: [(name: String, value: String)] = []) -> SandboxResponse {
        var writer = JSONWriter(capacity: 512)
        writer.write(value)
        return .json(status: status, bytes: writer.bytes, headers: headers)
    }
}

extension JSONValue {
    static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
}
