/// Short renderings of values for error messages: enough to recognise the value, never a whole
/// record in a log line.
enum ValueSummary {
    static let maximumLength = 60

    /// Compact JSON, cut to about 60 characters: `"abc"`, `12.5`, `{"Id":"006A",…`.
    static func compact(_ value: JSONValue) -> String {
        let text: String
        switch value {
        case .number(let number): text = number.text  // keeps NaN and Infinity visible
        case .string(let string) where string.utf8.count > maximumLength * 4:
            // Escape only the part that can be shown.
            text = JSONWriter.string(from: .string(String(string.prefix(maximumLength))))
        default: text = JSONWriter.string(from: value)
        }
        guard text.count > maximumLength else { return text }
        return String(text.prefix(maximumLength - 1)) + "…"
    }

    /// The JSON type then the value: `string "abc"`, `number 1.5`, `null`.
    static func typed(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean \(compact(value))"
        case .number: "number \(compact(value))"
        case .string: "string \(compact(value))"
        case .array: "array \(compact(value))"
        case .object: "object \(compact(value))"
        }
    }
}
