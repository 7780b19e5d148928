/// Turns one line of input into a `Message`, tolerant where the ecosystem is (no
/// `key_properties`, unknown keys, a bare string for `key_properties`, lower-case types as the
/// spec allows) and strict where it matters (a RECORD that is not an object, a line without `type`).
public struct MessageDecoder {
    /// What a line held: a message, or a type this toolkit does not know (to be skipped with a warning).
    public enum Line: Sendable, Hashable {
        case message(Message)
        case unknownType(String)
    }

    /// How RECORD bodies are handed over.
    public enum RecordForm: Sendable {
        /// Kept as parsed (`RecordMessage.rawRecord`): two allocations a record, for consumers
        /// that walk or pass records on (targets).
        case raw
        /// Built as `JSONObject` at once, with member names shared across records: for
        /// consumers that read most fields of every record as `JSONValue`s.
        case object
    }

    private var parser: JSONParser
    private let recordForm: RecordForm

    /// Non-finite number tokens are accepted by default: singer-io's tap-salesforce can write them.
    public init(allowsNonFiniteNumbers: Bool = true, recordForm: RecordForm = .raw) {
        parser = JSONParser(options: .init(allowsNonFiniteNumbers: allowsNonFiniteNumbers))
        self.recordForm = recordForm
    }

    public mutating func decode(_ line: UnsafeRawBufferPointer, lineNumber: Int) throws -> Line {
        do {
            return try parser.withDocument(line) { root in try Self.decode(root, lineNumber: lineNumber, recordForm: recordForm) }
        } catch let error as JSONParseError {
            throw MessageError(line: lineNumber, reason: .invalidJSON(error))
        }
    }

    public mutating func decode(_ line: String, lineNumber: Int = 1) throws -> Line {
        var line = line
        return try line.withUTF8 { try decode(UnsafeRawBufferPointer($0), lineNumber: lineNumber) }
    }

    private static func decode(_ root: JSONElement, lineNumber: Int, recordForm: RecordForm) throws -> Line {
        guard root.kind == .object else {
            throw MessageError(line: lineNumber, reason: .notAnObject(found: root.typeName))
        }
        guard let typeElement = root.member("type") else { throw MessageError(line: lineNumber, reason: .missingType) }
        guard let type = typeElement.internedStringValue else {
            throw MessageError(line: lineNumber, reason: .wrongFieldType(messageType: "message", field: "type", expected: "a string", found: typeElement.typeName))
        }
        // The spec reads types case-insensitively; exact upper case is the common, cheap path.
        let knownTypes = ["RECORD", "STATE", "SCHEMA", "ACTIVATE_VERSION", "BATCH"]
        var fields = Fields(root: root, type: knownTypes.contains(type) ? type : type.uppercased(), line: lineNumber)
        switch fields.type {
        case "RECORD":
            let stream = try fields.stream()
            guard let record = root.member("record") else { throw fields.missing("record") }
            guard record.kind == .object else { throw fields.wrongType("record", "an object", record) }
            let version = try fields.optionalInteger("version"), timeExtracted = try fields.optionalString("time_extracted")
            switch recordForm {
            case .raw:
                return .message(.record(RecordMessage(stream: stream, raw: record.retained(), version: version, timeExtracted: timeExtracted)))
            case .object:
                return .message(.record(RecordMessage(stream: stream, record: record.objectValue ?? [:], version: version, timeExtracted: timeExtracted)))
            }
        case "SCHEMA":
            let stream = try fields.stream()
            guard let schema = root.member("schema") else { throw fields.missing("schema") }
            guard schema.kind == .object || schema.kind == .bool else { throw fields.wrongType("schema", "an object", schema) }
            return .message(.schema(SchemaMessage(
                stream: stream, schema: schema.value, keyProperties: try fields.optionalNames("key_properties"),
                bookmarkProperties: try fields.optionalNames("bookmark_properties"))))
        case "STATE":
            guard let value = root.member("value") else { throw fields.missing("value") }
            return .message(.state(StateMessage(value: value.value)))
        case "ACTIVATE_VERSION":
            let stream = try fields.stream()
            guard let version = try fields.optionalInteger("version") else { throw fields.missing("version") }
            return .message(.activateVersion(ActivateVersionMessage(stream: stream, version: version)))
        case "BATCH":
            let stream = try fields.stream()
            guard let encoding = root.member("encoding") else { throw fields.missing("encoding") }
            guard encoding.kind == .object else { throw fields.wrongType("encoding", "an object", encoding) }
            guard let format = encoding.member("format")?.stringValue else { throw fields.missing("encoding.format") }
            guard let manifest = try fields.optionalNames("manifest") else { throw fields.missing("manifest") }
            return .message(.batch(BatchMessage(
                stream: stream, encoding: .init(format: format, compression: encoding.member("compression")?.stringValue),
                manifest: manifest, version: try fields.optionalInteger("version"))))
        default:
            return .unknownType(type)
        }
    }

    /// Reads the members of one message, producing errors that name line, type and stream.
    private struct Fields {
        let root: JSONElement
        let type: String
        let line: Int
        var streamName: String?

        init(root: JSONElement, type: String, line: Int) {
            self.root = root
            self.type = type
            self.line = line
        }

        func missing(_ field: String) -> MessageError {
            MessageError(line: line, stream: streamName, reason: .missingField(messageType: type, field: field))
        }

        func wrongType(_ field: String, _ expected: String, _ element: JSONElement) -> MessageError {
            MessageError(line: line, stream: streamName, reason: .wrongFieldType(messageType: type, field: field, expected: expected, found: element.typeName))
        }

        mutating func stream() throws -> String {
            guard let element = root.member("stream") else { throw missing("stream") }
            guard let name = element.internedStringValue else { throw wrongType("stream", "a string", element) }
            streamName = name
            return name
        }

        func optionalInteger(_ field: String) throws -> Int? {
            guard let element = root.member(field), element.kind != .null else { return nil }
            guard let value = element.numberValue?.intValue else { throw wrongType(field, "an integer", element) }
            return value
        }

        func optionalString(_ field: String) throws -> String? {
            guard let element = root.member(field), element.kind != .null else { return nil }
            guard let value = element.stringValue else { throw wrongType(field, "a string", element) }
            return value
        }

        /// A list of strings; a bare string is wrapped in a list, as singer-python does.
        func optionalNames(_ field: String) throws -> [String]? {
            guard let element = root.member(field), element.kind != .null else { return nil }
            if let single = element.stringValue { return [single] }
            guard case .array(let items) = element.value else { throw wrongType(field, "a list of strings", element) }
            return try items.map { item in
                guard let name = item.stringValue else { throw wrongType(field, "a list of strings", element) }
                return name
            }
        }
    }
}
