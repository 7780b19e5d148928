/// The streams a reader has seen SCHEMA messages for, and the checks every consumer of a
/// Singer stream makes on a RECORD: its stream was declared, it carries its key properties, and
/// (when asked) it is valid against the schema. Errors name the input line, stream and field.
///
/// ```swift
/// var registry = SchemaRegistry(validatesRecords: true)
/// try registry.register(schemaMessage, line: reader.lineNumber)
/// try registry.check(recordMessage, line: reader.lineNumber)
/// ```
public struct SchemaRegistry {
    /// What is known about one declared stream.
    public struct Stream: Sendable {
        public var message: SchemaMessage
        public var schema: JSONSchema
        public var validator: SchemaValidator
    }

    public var validatesRecords: Bool
    public private(set) var streams: [String: Stream] = [:]

    public init(validatesRecords: Bool = true) { self.validatesRecords = validatesRecords }

    /// Declares or redeclares a stream; an invalid schema is an error naming line and stream.
    @discardableResult
    public mutating func register(_ message: SchemaMessage, line: Int) throws(StreamError) -> Stream {
        let schema: JSONSchema
        do {
            schema = try JSONSchema(message.schema)
        } catch {
            throw StreamError(line: line, stream: message.stream, reason: .invalidSchema(error.description))
        }
        let stream = Stream(message: message, schema: schema, validator: SchemaValidator(schema))
        streams[message.stream] = stream
        return stream
    }

    /// Checks one RECORD against its stream's declaration. A record read from input is checked
    /// in its wire form, key properties and validation both, so a valid record costs no
    /// allocation; only a record built in code is checked as a `JSONObject`.
    public func check(_ record: RecordMessage, line: Int) throws(StreamError) {
        guard let stream = streams[record.stream] else {
            throw StreamError(line: line, stream: record.stream, reason: .recordBeforeSchema)
        }
        let keys = stream.message.keyProperties ?? []
        if let raw = record.rawRecord {
            // `withElement` rethrows untyped errors, so the reason comes back as a value.
            let failure = raw.withElement { (root) -> StreamError.Reason? in
                // A key must be there and not null: it becomes (part of) a primary key.
                if let missing = keys.first(where: { (root.member($0)?.kind ?? .null) == .null }) { return .missingKeyProperty(missing) }
                guard validatesRecords else { return nil }
                do throws(SchemaViolation) {
                    try stream.validator.ensureValid(root)
                    return nil
                } catch {
                    return .invalidRecord(error)
                }
            }
            if let failure { throw StreamError(line: line, stream: record.stream, reason: failure) }
            return
        }
        let object = record.record
        if let missing = keys.first(where: { (object[$0] ?? .null) == .null }) {
            throw StreamError(line: line, stream: record.stream, reason: .missingKeyProperty(missing))
        }
        guard validatesRecords else { return }
        do {
            try stream.validator.ensureValid(.object(object))
        } catch {
            throw StreamError(line: line, stream: record.stream, reason: .invalidRecord(error))
        }
    }
}

/// A message that breaks the rules of its stream, with where it was read.
public struct StreamError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable {
        case recordBeforeSchema
        case missingKeyProperty(String)
        case invalidRecord(SchemaViolation)
        case invalidSchema(String)
    }

    public var line: Int
    public var stream: String
    public var reason: Reason

    public init(line: Int, stream: String, reason: Reason) {
        self.line = line
        self.stream = stream
        self.reason = reason
    }

    public var description: String {
        let place = "line \(line) (stream \"\(stream)\")"
        switch reason {
        case .recordBeforeSchema: return "\(place): RECORD before any SCHEMA for this stream"
        case .missingKeyProperty(let key): return "\(place): record.\(key): key property is missing or null"
        case .invalidRecord(let error): return "\(place): \(error)"
        case .invalidSchema(let reason): return "\(place): invalid SCHEMA: \(reason)"
        }
    }
}
