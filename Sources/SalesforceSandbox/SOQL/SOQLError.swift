/// A SOQL statement Salesforce would refuse, with the error code and the message layout it
/// uses: the statement, a caret under the culprit, `ERROR at Row:R:Column:C`, and the reason.
struct SOQLError: Error, Sendable, Hashable {
    /// `MALFORMED_QUERY`, `INVALID_FIELD`, `INVALID_TYPE`…
    var errorCode: String
    var message: String

    static func at(_ code: String, query: String, offset: Int, _ reason: String) -> SOQLError {
        let utf8 = Array(query.utf8)
        let clamped = max(0, min(offset, utf8.count))
        var row = 1
        var lineStart = 0
        for (position, byte) in utf8[..<clamped].enumerated() where byte == 0x0A {
            row += 1
            lineStart = position + 1
        }
        let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.count
        let line = String(decoding: utf8[lineStart..<lineEnd], as: UTF8.self)
        let column = String(decoding: utf8[lineStart..<clamped], as: UTF8.self).count + 1
        let caret = String(repeating: " ", count: column - 1) + "^"
        return SOQLError(errorCode: code, message: "\n\(line)\n\(caret)\nERROR at Row:\(row):Column:\(column)\n\(reason)")
    }

    static func malformed(_ query: String, _ token: SOQLToken, _ reason: String? = nil) -> SOQLError {
        let shown = if case .end = token.kind { "<EOF>" } else { token.text }
        return at("MALFORMED_QUERY", query: query, offset: token.offset, reason ?? "unexpected token: \(shown)")
    }

    static func noSuchColumn(_ query: String, offset: Int, field: String, object: String) -> SOQLError {
        at("INVALID_FIELD", query: query, offset: offset,
           "No such column '\(field)' on entity '\(object)'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.")
    }
}
