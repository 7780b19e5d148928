/// A line of input that is not a usable Singer message, with the line number it came from.
public struct MessageError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case invalidJSON(JSONParseError)
        case notAnObject(found: String)
        case missingType
        case missingField(messageType: String, field: String)
        case wrongFieldType(messageType: String, field: String, expected: String, found: String)
    }

    /// 1-based line number in the input.
    public var line: Int
    /// The stream named on the line, when it could be read.
    public var stream: String?
    public var reason: Reason

    public init(line: Int, stream: String? = nil, reason: Reason) {
        self.line = line
        self.stream = stream
        self.reason = reason
    }

    public var description: String {
        let place = "line \(line)" + (stream.map { " (stream \"\($0)\")" } ?? "")
        switch reason {
        case .invalidJSON(let error):
            return "\(place): \(error)"
        case .notAnObject(let found):
            return "\(place): a Singer message must be a JSON object, got \(found)"
        case .missingType:
            return "\(place): message has no \"type\""
        case .missingField(let type, let field):
            return "\(place): \(type) message has no \"\(field)\""
        case .wrongFieldType(let type, let field, let expected, let found):
            return "\(place): \(type) \"\(field)\" must be \(expected), got \(found)"
        }
    }
}
