import Singer

/// Reads a Singer stream the way a target does — every message decoded, every RECORD checked
/// against its stream's SCHEMA — and echoes each STATE value once everything before it has
/// passed. Stops at the first bad line with an error naming line, stream and field.
public struct StreamCheck {
    public struct Summary: Sendable {
        public var recordsPerStream: [String: Int] = [:]
        public var states = 0
        public var lines = 0
    }

    public var validatesRecords: Bool

    public init(validatesRecords: Bool = true) { self.validatesRecords = validatesRecords }

    public func run(
        input: LineReader, stateOutput: MessageWriter, onUnknownType: @escaping (String, Int) -> Void = { _, _ in }
    ) throws -> Summary {
        var reader = MessageReader(lines: input, recordForm: validatesRecords ? .object : .raw, onUnknownType: onUnknownType)
        var registry = SchemaRegistry(validatesRecords: validatesRecords)
        var summary = Summary()
        var lastState: JSONValue?
        while let message = try reader.next() {
            switch message {
            case .schema(let schema):
                try registry.register(schema, line: reader.lineNumber)
                summary.recordsPerStream[schema.stream, default: 0] += 0
            case .record(let record):
                try registry.check(record, line: reader.lineNumber)
                summary.recordsPerStream[record.stream, default: 0] += 1
            case .state(let state):
                summary.states += 1
                // Like a target: identical consecutive states are collapsed.
                if state.value != lastState {
                    try stateOutput.writeStateValue(state.value)
                    lastState = state.value
                }
            case .activateVersion, .batch:
                break
            }
        }
        summary.lines = reader.lineNumber
        return summary
    }
}
