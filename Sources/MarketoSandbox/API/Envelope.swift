import SandboxKit
import Singer

/// Marketo's response envelope:
/// `{requestId, success, result, moreResult?, nextPageToken?, warnings}` (asset responses also
/// carry `errors: []`, as Marketo's asset examples show) or
/// `{requestId, success: false, errors: [{code, message}]}`.
enum Envelope {
    static func success(
        requestID: String, result: [JSONValue]?, nextPageToken: String? = nil, moreResult: Bool? = nil,
        warnings: [String] = [], emptyErrors: Bool = false
    ) -> SandboxResponse {
        var members: [JSONObject.Member] = [member("requestId", .string(requestID))]
        members.append(member("success", .bool(true)))
        if emptyErrors { members.append(member("errors", [])) }
        if let nextPageToken { members.append(member("nextPageToken", .string(nextPageToken))) }
        if let moreResult { members.append(member("moreResult", .bool(moreResult))) }
        members.append(member("warnings", .array(warnings.map(JSONValue.string))))
        if let result { members.append(member("result", .array(result))) }
        return .json(JSONWriter.string(from: .object(JSONObject(members))))
    }

    static func failure(requestID: String, _ error: MarketoError) -> SandboxResponse {
        let value: JSONValue = .object(JSONObject([
            member("requestId", .string(requestID)), member("success", .bool(false)),
            member("errors", [["code": .string(error.code), "message": .string(error.message)]]),
        ]))
        return .json(status: error.httpStatus, JSONWriter.string(from: value))
    }

    static func member(_ key: String, _ value: JSONValue) -> JSONObject.Member { JSONObject.Member(key: key, value: value) }
}

extension JSONValue {
    /// A JSON object from ordered pairs (literal dictionaries may not keep order).
    static func ordered(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(pairs.map { JSONObject.Member(key: $0.0, value: $0.1) }))
    }

    static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
}
