import Foundation
import HTTP
import Singer

/// The `errorCode` and `message` of a Salesforce error response, from any of its shapes:
/// the REST/Bulk 2.0 array `[{"message": "…", "errorCode": "…", "fields": […]}]`, a single such
/// object, Bulk 1.0's `{"exceptionCode", "exceptionMessage"}` and OAuth's `{"error", "error_description"}`.
///
/// ```swift
/// let body = SalesforceErrorBody(Data(#"[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]"#.utf8))
/// body.errorCode   // "INVALID_SESSION_ID"
/// ```
public struct SalesforceErrorBody: Sendable, Hashable {
    /// `""` when the body named no code.
    public var errorCode: String
    /// The message, or an excerpt of the body when it is not one of the known shapes.
    public var message: String

    public init(_ body: Data, redactor: Redactor = Redactor()) {
        var parser = JSONParser()
        let json = try? parser.parse(body)
        let first: JSONValue? = json?.arrayValue?.first ?? json
        if let object = first?.objectValue {
            let code = object["errorCode"]?.stringValue ?? object["exceptionCode"]?.stringValue ?? object["error"]?.stringValue
            let message = object["message"]?.stringValue ?? object["exceptionMessage"]?.stringValue
                ?? object["error_description"]?.stringValue
            if code != nil || message != nil {
                errorCode = code ?? ""
                var text = message ?? ""
                // Several errors (one per field, say) all matter.
                if let more = json?.arrayValue?.dropFirst(), !more.isEmpty {
                    let others = more.compactMap { $0["message"]?.stringValue }
                    if !others.isEmpty { text += " (and: " + others.joined(separator: "; ") + ")" }
                }
                self.message = redactor.redactedText(text)
                return
            }
        }
        errorCode = ""
        let excerpt = HTTPStatusFailure(status: 0, headers: [:], body: body, bodyTruncated: false)
            .bodyExcerpt(limit: 500, redactor: redactor)
        message = excerpt.isEmpty ? "empty response body" : "response body: \(excerpt)"
    }
}
