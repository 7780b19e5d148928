import Logging
import Postgres
import Singer

/// Reads Singer messages and keeps one PostgreSQL table per stream in step with them.
///
/// Records stream into each table's open COPY as they are read, so PostgreSQL parses rows on
/// one core while this process parses JSON on the other, and memory stays flat. When a stream
/// fills a batch, every stream commits and the last STATE read is written to stdout: a state
/// is released only once every record before it is committed, never earlier.
///
/// ```swift
/// let target = PostgresTarget(configuration: configuration, stateOutput: MessageWriter(fileDescriptor: STDOUT_FILENO))
/// try target.run(input: LineReader(fileDescriptor: STDIN_FILENO))
/// ```
public final class PostgresTarget {
    let configuration: TargetPostgresConfiguration
    let stateOutput: MessageWriter
    let logger: Logger
    let connect: () throws -> PostgresConnection
    private var registry: SchemaRegistry
    private var sinks: [String: StreamSink] = [:]
    /// Which stream each table name went to this run, so two streams never share a table.
    private var tableOwners: [String: String] = [:]
    /// The latest STATE read whose records are not all committed yet.
    private var pendingState: JSONValue?
    private var lastEmittedState: JSONValue?
    private var recordsRead = 0
    /// The input line being handled, for errors raised away from the message itself.
    private var lineNumber = 0

    public init(
        configuration: TargetPostgresConfiguration, stateOutput: MessageWriter, logger: Logger = Logger(label: "target-postgres")
    ) {
        self.configuration = configuration
        self.stateOutput = stateOutput
        self.logger = logger
        registry = SchemaRegistry(validatesRecords: configuration.validateRecords)
        connect = {
            let connection = switch configuration.connection {
            case .conninfo(let conninfo): try PostgresConnection(conninfo: conninfo, logger: logger)
            case .settings(let settings): try PostgresConnection(settings: settings, logger: logger)
            }
            // A timestamp without an offset means UTC, whatever the server's default; notices
            // such as "schema already exists" are not worth a log line.
            _ = try connection.execute("SET TimeZone TO 'UTC'")
            _ = try connection.execute("SET client_min_messages TO warning")
            return connection
        }
    }

    /// Loads everything `input` holds; at its end (or on SIGINT/SIGTERM) commits and emits the
    /// final state. On an error nothing uncommitted is kept and no later state is emitted.
    public func run(input: LineReader) throws {
        var reader = MessageReader(lines: input, onUnknownType: { [logger] type, line in
            logger.warning("line \(line): skipping a message of unknown type \(type)")
        })
        do {
            var stream: String?
            do {
                while let message = try reader.next() {
                    stream = message.stream
                    lineNumber = reader.lineNumber
                    try handle(message, line: reader.lineNumber)
                }
                stream = nil
                try commitAll()
            } catch let error as PostgresError {
                throw TargetError.database(line: reader.lineNumber, stream: stream, error: error)
            }
            if input.stoppedBySignal {
                logger.info("stopping on signal \(ShutdownSignal.received ?? 0) after line \(input.lineNumber): what was read is committed")
            }
        } catch {
            for sink in sinks.values { sink.discard() }
            throw error
        }
        logger.info("\(recordsRead) records loaded into \(sinks.count) tables")
    }

    private func handle(_ message: Message, line: Int) throws {
        switch message {
        case .schema(let schema):
            let stream = try registry.register(schema, line: line)
            if let sink = sinks[schema.stream] {
                try sink.redeclare(stream)
            } else {
                let connection = try connect()
                let table = try tableName(for: schema.stream, connection: connection)
                sinks[schema.stream] = try StreamSink(
                    declaration: stream, table: table, configuration: configuration, connection: connection, logger: logger)
            }
        case .record(let record):
            try registry.check(record, line: line)
            guard let sink = sinks[record.stream] else { return }  // the registry has thrown already
            try sink.append(record, line: line)
            recordsRead += 1
            if sink.pendingRows >= configuration.batchSizeRows { try commitAll() }
        case .state(let state):
            pendingState = state.value
            if sinks.values.allSatisfy({ $0.pendingRows == 0 }) { try releaseState() }
        case .activateVersion(let activation):
            guard configuration.activateVersion else { return }
            guard let sink = sinks[activation.stream] else {
                throw StreamError(line: line, stream: activation.stream, reason: .recordBeforeSchema)
            }
            try sink.commit()
            try sink.activate(version: activation.version)
        case .batch(let batch):
            throw TargetError.unsupportedMessage(line: line, stream: batch.stream, type: "BATCH")
        }
    }

    /// The stream's table: its plain name, unless another stream has it — this run, or in an
    /// earlier one, as the table's comment says — then the name with a stable suffix.
    private func tableName(for stream: String, connection: PostgresConnection) throws -> String {
        let plain = NamePolicy.tableName(forStream: stream)
        let relation = PostgresIdentifier.qualified(schema: configuration.defaultTargetSchema, name: plain)
        let comment = try connection.execute("SELECT obj_description(to_regclass($1), 'pg_class')", [relation])[0][0]
        let owner = tableOwners[plain] ?? NamePolicy.originalName(fromComment: comment)
        var table = plain
        if let owner, owner != stream {
            table = NamePolicy.assign([stream], existing: [ExistingName(identifier: plain, originalName: owner)])[stream] ?? plain
        }
        tableOwners[table] = stream
        return table
    }

    /// Commits every stream's open batch, then releases the state they cover. A failed commit
    /// names its own stream, whichever message made the batches commit.
    private func commitAll() throws {
        for sink in sinks.values {
            do {
                try sink.commit()
            } catch let error as PostgresError {
                throw TargetError.database(line: lineNumber, stream: sink.stream, error: error)
            }
        }
        try releaseState()
    }

    /// Writes the pending state, unless it repeats the last one written or is empty (`{}` says
    /// nothing an orchestrator should keep, as Singer SDK targets agree).
    private func releaseState() throws {
        guard let state = pendingState else { return }
        pendingState = nil
        guard state != lastEmittedState, state != .object([:]) else { return }
        try stateOutput.writeStateValue(state)
        lastEmittedState = state
    }
}
