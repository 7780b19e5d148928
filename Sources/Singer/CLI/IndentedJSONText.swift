/// JSON text indented by two spaces per level, as `json.dumps(indent=2)` prints the SDK's
/// `--about --format json`: readable for people, still one JSON document for tools.
public enum IndentedJSONText {
    public static func string(from value: JSONValue) -> String {
        var text = ""
        append(value, depth: 0, to: &text)
        return text
    }

    private static func append(_ value: JSONValue, depth: Int, to text: inout String) {
        let inner = String(repeating: "  ", count: depth + 1)
        let outer = String(repeating: "  ", count: depth)
        switch value {
        case .array(let elements) where !elements.isEmpty:
            text += "[\n"
            for (position, element) in elements.enumerated() {
                text += inner
                append(element, depth: depth + 1, to: &text)
                text += position < elements.count - 1 ? ",\n" : "\n"
            }
            text += outer + "]"
        case .object(let object) where !object.isEmpty:
            text += "{\n"
            for (position, member) in object.enumerated() {
                text += inner + JSONWriter.string(from: .string(member.key)) + ": "
                append(member.value, depth: depth + 1, to: &text)
                text += position < object.count - 1 ? ",\n" : "\n"
            }
            text += outer + "}"
        default:
            text += JSONWriter.string(from: value)
        }
    }
}
