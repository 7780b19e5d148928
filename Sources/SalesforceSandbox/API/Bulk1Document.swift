import Foundation
import SandboxKit
import Singer

/// A Bulk API 1.0 answer (jobInfo, batchInfo, error…) as ordered fields, rendered as asyncapi
/// XML (documented element order) or as JSON (keys in alphabetical order, as the
/// documentation's JSON examples show).
struct Bulk1Document {
    enum Format: Sendable {
        case xml, json

        /// JSON when the request's `Content-Type` (or, lacking one, `Accept`) names JSON.
        init(request: SandboxRequest) {
            let type = request.header("content-type") ?? request.header("accept") ?? ""
            self = type.lowercased().contains("json") ? .json : .xml
        }
    }

    enum Value {
        case text(String)
        case integer(Int)
        /// `apiVersion`: `61.0` in both renderings, a number in JSON.
        case version(String)
        /// Epoch milliseconds: `…T21:41:45.000Z` in XML, `…T21:41:45.000+0000` in JSON.
        case dateTime(Int64)
    }

    static let namespace = "http://www.force.com/2009/06/asyncapi/dataload"

    let root: String
    var fields: [(String, Value)] = []

    init(root: String) { self.root = root }

    mutating func add(_ name: String, _ value: String) { fields.append((name, .text(value))) }
    mutating func add(_ name: String, _ value: Int) { fields.append((name, .integer(value))) }
    mutating func add(version: String) { fields.append(("apiVersion", .version(version))) }
    mutating func add(_ name: String, dateTime milliseconds: Int64) { fields.append((name, .dateTime(milliseconds))) }

    /// The inner XML elements, without the root (for `batchInfoList`).
    var xmlElements: String {
        var text = ""
        for (name, value) in fields {
            let rendered = switch value {
            case .text(let string): Self.escaped(string)
            case .integer(let number): String(number)
            case .version(let version): version
            case .dateTime(let milliseconds): JSONFragment.formatDateTime(Self.wholeSeconds(milliseconds), zone: "Z")
            }
            text += "<\(name)>\(rendered)</\(name)>"
        }
        return text
    }

    var jsonValue: JSONValue {
        var object = JSONObject()
        for (name, value) in fields.sorted(by: { $0.0 < $1.0 }) {
            switch value {
            case .text(let string): object.append(key: name, value: .string(string))
            case .integer(let number): object.append(key: name, value: .number(JSONNumber(number)))
            case .version(let version): object.append(key: name, value: .number(JSONNumber(version) ?? JSONNumber(61.0)))
            case .dateTime(let milliseconds): object.append(key: name, value: .string(JSONFragment.formatDateTime(Self.wholeSeconds(milliseconds), zone: "+0000")))
            }
        }
        return .object(object)
    }

    func response(_ format: Format, status: Int = 200) -> SandboxResponse {
        switch format {
        case .json:
            var writer = JSONWriter(capacity: 512)
            writer.write(jsonValue)
            return SandboxResponse(status: status, contentType: "application/json", bytes: writer.bytes)
        case .xml:
            return Self.xml(status: status, "<\(root) xmlns=\"\(Self.namespace)\">\(xmlElements)</\(root)>")
        }
    }

    /// An XML answer with the declaration in front.
    static func xml(status: Int = 200, _ body: String) -> SandboxResponse {
        SandboxResponse(status: status, contentType: "application/xml", bytes: Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body).utf8))
    }

    /// Job and batch stamps are whole seconds (`…:45.000Z`), as in the documentation.
    static func wholeSeconds(_ milliseconds: Int64) -> Int64 {
        milliseconds - ((milliseconds % 1000) + 1000) % 1000
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The text of the first `<name>…</name>` element in a small request document.
    static func element(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex) else {
            return nil
        }
        return String(xml[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A Bulk API 1.0 error: `<error><exceptionCode>…</exceptionCode><exceptionMessage>…` in the
/// asyncapi namespace, or `{"exceptionCode", "exceptionMessage"}` with `Content-Type`
/// exactly `application/json`.
struct Bulk1Error: Error {
    var status = 400
    var code: String
    var message: String

    init(_ code: String, _ message: String, status: Int = 400) {
        self.code = code
        self.message = message
        self.status = status
    }

    static func invalidJob(_ id: String) -> Bulk1Error { Bulk1Error("InvalidJob", "Invalid job id: \(id)") }

    /// REST-side failures (session, limit, injected faults) in Bulk 1.0 terms.
    init(_ error: APIError) {
        switch error.errorCode {
        case "INVALID_SESSION_ID": self.init("InvalidSessionId", "Invalid session id")
        case "REQUEST_LIMIT_EXCEEDED": self.init("ExceededQuota", error.message, status: error.status)
        default: self.init(error.errorCode, error.message, status: error.status)
        }
    }

    func response(_ format: Bulk1Document.Format) -> SandboxResponse {
        var document = Bulk1Document(root: "error")
        document.add("exceptionCode", code)
        document.add("exceptionMessage", message)
        return document.response(format, status: status)
    }
}
