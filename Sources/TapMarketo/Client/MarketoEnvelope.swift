import Foundation
import Singer

/// One Marketo JSON answer: `{"requestId", "success", "result", "errors", "warnings",
/// "nextPageToken", "moreResult"}`. Marketo reports failures with HTTP 200 and `success: false`.
///
/// ```swift
/// let envelope = try MarketoEnvelope(body: data, endpoint: "rest/v1/leads/describe.json")
/// envelope.success                 // false
/// envelope.errors.first?.code      // "606"
/// ```
public struct MarketoEnvelope: Sendable {
    /// One `errors[]` or `warnings[]` element; codes are quoted integers on the wire, kept as text.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var code: String
        public var message: String
        public init(code: String, message: String) {
            self.code = code
            self.message = message
        }
        public var description: String { code.isEmpty ? message : "\(code): \(message)" }
    }

    public var json: JSONValue
    public var success: Bool
    public var errors: [Problem]
    public var warnings: [Problem]
    public var nextPageToken: String?
    public var moreResult: Bool

    /// The `result` array (empty when absent).
    public var result: [JSONValue] { json["result"]?.arrayValue ?? [] }
    /// Whether the `result` key is present.
    public var hasResult: Bool { json["result"] != nil && json["result"]?.isNull == false }

    /// Parses `body`; an empty body is `{}` (the Python tap's reading), anything else not a
    /// JSON object throws ``MarketoError/unexpectedResponse(endpoint:reason:)``.
    public init(body: Data, endpoint: String) throws(MarketoError) {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            self.init(json: [:])
            return
        }
        var parser = JSONParser()
        guard let value = try? parser.parse(body), value.objectValue != nil else {
            let excerpt = String(decoding: body.prefix(200), as: UTF8.self)
            throw .unexpectedResponse(endpoint: endpoint, reason: "not a JSON object: \(excerpt)")
        }
        self.init(json: value)
    }

    public init(json: JSONValue) {
        self.json = json
        // A missing `success` is treated as success when there are no errors (e.g. `{}`).
        errors = Self.problems(json["errors"])
        warnings = Self.problems(json["warnings"])
        success = json["success"]?.boolValue ?? errors.isEmpty
        nextPageToken = json["nextPageToken"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        moreResult = json["moreResult"]?.boolValue ?? false
    }

    /// Whether any error has `code`.
    public func hasError(_ code: String) -> Bool { errors.contains { $0.code == code } }

    /// Warnings as plain text: Marketo sends them as strings or as `{code, message}` objects.
    public var warningMessages: [String] { warnings.map(\.message) }

    private static func problems(_ value: JSONValue?) -> [Problem] {
        guard let items = value?.arrayValue else { return [] }
        return items.map { item in
            if let text = item.stringValue { return Problem(code: "", message: text) }
            let code: String
            switch item["code"] {
            case .string(let text)?: code = text
            case .number(let number)?: code = number.text
            default: code = ""
            }
            return Problem(code: code, message: item["message"]?.stringValue ?? "")
        }
    }
}
