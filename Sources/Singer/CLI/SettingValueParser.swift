/// Turns the text of an environment variable (or a string found where a config file should hold
/// a number or boolean) into a JSON value of the setting's type, as the Singer SDK does.
///
/// ```swift
/// SettingValueParser.parse("250", as: .integer)          // .success(250)
/// SettingValueParser.parse("yes", as: .boolean)          // .success(true)
/// SettingValueParser.parse("a,b", as: .array, itemType: .string)   // .success(["a", "b"])
/// ```
public enum SettingValueParser {
    /// Booleans accept `true/1/yes/on` and `false/0/no/off`, ignoring case.
    public static let trueWords: Set<String> = ["true", "1", "yes", "on"]
    public static let falseWords: Set<String> = ["false", "0", "no", "off"]

    /// The parsed value, or a reason for failure that never repeats the text (it may be a secret).
    public static func parse(
        _ text: String, as type: SettingType, itemType: SettingType? = nil
    ) -> Result<JSONValue, ParseFailure> {
        let trimmed = text.strippingSurroundingWhitespace()
        switch type {
        case .string:
            return .success(.string(text))
        case .integer:
            guard let number = JSONNumber(trimmed), number.isFinite, number.isIntegral else {
                return .failure(ParseFailure("expected a whole number such as 100"))
            }
            return .success(.number(number))
        case .number:
            guard let number = JSONNumber(trimmed), number.isFinite else {
                return .failure(ParseFailure("expected a number such as 0.5"))
            }
            return .success(.number(number))
        case .boolean:
            let word = trimmed.lowercased()
            if trueWords.contains(word) { return .success(true) }
            if falseWords.contains(word) { return .success(false) }
            return .failure(ParseFailure("expected true/false, 1/0, yes/no or on/off"))
        case .object:
            return parseJSON(trimmed, expecting: .object)
        case .array:
            if trimmed.hasPrefix("[") { return parseJSON(trimmed, expecting: .array) }
            guard itemType == nil || itemType == .string else {
                return .failure(ParseFailure("expected a JSON array such as [1, 2]"))
            }
            // The SDK's deprecated `a,b,c` form for string arrays.
            let items = trimmed.isEmpty ? [] : trimmed.split(separator: ",", omittingEmptySubsequences: false)
            return .success(.array(items.map { .string(String($0).strippingSurroundingWhitespace()) }))
        }
    }

    private static func parseJSON(_ text: String, expecting type: SettingType) -> Result<JSONValue, ParseFailure> {
        var parser = JSONParser()
        let value: JSONValue
        do {
            value = try parser.parse(text)
        } catch let error as JSONParseError {
            return .failure(ParseFailure("expected JSON \(type.rawValue) text; invalid JSON at byte \(error.offset): \(error.reason)"))
        } catch {
            return .failure(ParseFailure("expected JSON \(type.rawValue) text"))
        }
        guard type.accepts(value) else {
            return .failure(ParseFailure("expected JSON \(type.rawValue) text, got \(value.typeName)"))
        }
        return .success(value)
    }

    /// Why a text did not parse; deliberately without the text itself.
    public struct ParseFailure: Error, Sendable, Hashable, CustomStringConvertible {
        public var reason: String
        public init(_ reason: String) { self.reason = reason }
        public var description: String { reason }
    }
}
