/// One Singer message: a line of a tap's output.
///
/// ```swift
/// let message = Message.record(RecordMessage(stream: "Account", record: ["Id": "001"]))
/// ```
public enum Message: Sendable, Hashable {
    case schema(SchemaMessage)
    case record(RecordMessage)
    case state(StateMessage)
    case activateVersion(ActivateVersionMessage)
    case batch(BatchMessage)

    /// The wire name of the message type (`"RECORD"`, …).
    public var typeName: String {
        switch self {
        case .schema: "SCHEMA"
        case .record: "RECORD"
        case .state: "STATE"
        case .activateVersion: "ACTIVATE_VERSION"
        case .batch: "BATCH"
        }
    }

    /// The stream the message belongs to; `nil` for STATE.
    public var stream: String? {
        switch self {
        case .schema(let message): message.stream
        case .record(let message): message.stream
        case .state: nil
        case .activateVersion(let message): message.stream
        case .batch(let message): message.stream
        }
    }
}

/// Declares the shape of a stream's records. Precedes the stream's first RECORD.
public struct SchemaMessage: Sendable, Hashable {
    public var stream: String
    public var schema: JSONValue
    /// `nil` when the message had no `key_properties` (the SDK allows that; singer-python does not).
    public var keyProperties: [String]?
    public var bookmarkProperties: [String]?

    public init(stream: String, schema: JSONValue, keyProperties: [String]? = [], bookmarkProperties: [String]? = nil) {
        self.stream = stream
        self.schema = schema
        self.keyProperties = keyProperties
        self.bookmarkProperties = bookmarkProperties
    }
}

/// One row of a stream.
///
/// A record read from input stays in its wire form (`rawRecord`) until `record` is asked for,
/// so passing records through costs no per-field allocation.
public struct RecordMessage: Sendable, Hashable {
    private enum Storage: Sendable {
        case object(JSONObject)
        case raw(RawJSON)
    }

    public var stream: String
    private var storage: Storage
    /// The table version this record belongs to (see ACTIVATE_VERSION).
    public var version: Int?
    /// When the tap read the record, RFC 3339 as the tap wrote it (`…Z` or `…+00:00`).
    public var timeExtracted: String?

    public init(stream: String, record: JSONObject, version: Int? = nil, timeExtracted: String? = nil) {
        self.stream = stream
        storage = .object(record)
        self.version = version
        self.timeExtracted = timeExtracted
    }

    /// A record read from input; `raw` must hold a JSON object.
    init(stream: String, raw: RawJSON, version: Int?, timeExtracted: String?) {
        self.stream = stream
        storage = .raw(raw)
        self.version = version
        self.timeExtracted = timeExtracted
    }

    /// The record's members, materialised from the wire form on each read if it has one.
    public var record: JSONObject {
        get {
            switch storage {
            case .object(let object): object
            case .raw(let raw): raw.value.objectValue ?? [:]
            }
        }
        set { storage = .object(newValue) }
    }

    /// The record as it was read, when it was read from input and not replaced since.
    public var rawRecord: RawJSON? {
        if case .raw(let raw) = storage { raw } else { nil }
    }

    public static func == (lhs: RecordMessage, rhs: RecordMessage) -> Bool {
        lhs.stream == rhs.stream && lhs.version == rhs.version && lhs.timeExtracted == rhs.timeExtracted
            && lhs.record == rhs.record
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(stream)
        hasher.combine(record)
    }
}

/// A checkpoint: everything before it may be considered done once durably written.
public struct StateMessage: Sendable, Hashable {
    public var value: JSONValue

    public init(value: JSONValue) { self.value = value }
}

/// Makes `version` the stream's current table version: rows of older versions are obsolete.
public struct ActivateVersionMessage: Sendable, Hashable {
    public var stream: String
    public var version: Int

    public init(stream: String, version: Int) {
        self.stream = stream
        self.version = version
    }
}

/// The Singer SDK's BATCH extension: records delivered in files rather than RECORD lines.
public struct BatchMessage: Sendable, Hashable {
    public struct Encoding: Sendable, Hashable {
        /// `jsonl` or `parquet`.
        public var format: String
        /// `gzip` or `none`; `nil` when the tap left it out.
        public var compression: String?

        public init(format: String, compression: String? = nil) {
            self.format = format
            self.compression = compression
        }
    }

    public var stream: String
    public var encoding: Encoding
    /// URIs of the files, each holding one raw record object per line.
    public var manifest: [String]
    public var version: Int?

    public init(stream: String, encoding: Encoding, manifest: [String], version: Int? = nil) {
        self.stream = stream
        self.encoding = encoding
        self.manifest = manifest
        self.version = version
    }
}
