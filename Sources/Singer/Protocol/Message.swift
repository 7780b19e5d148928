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
public struct RecordMessage: Sendable, Hashable {
    public var stream: String
    public var record: JSONObject
    /// The table version this record belongs to (see ACTIVATE_VERSION).
    public var version: Int?
    /// When the tap read the record, RFC 3339 as the tap wrote it (`…Z` or `…+00:00`).
    public var timeExtracted: String?

    public init(stream: String, record: JSONObject, version: Int? = nil, timeExtracted: String? = nil) {
        self.stream = stream
        self.record = record
        self.version = version
        self.timeExtracted = timeExtracted
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
