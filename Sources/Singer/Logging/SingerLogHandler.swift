import Logging

/// A swift-log handler writing singer-python's `LEVEL message` lines, with metadata appended as
/// ` key=value` (sorted by key) and secrets masked.
///
/// ```swift
/// let buffer = LineBuffer()
/// var logger = Logger(label: "tap") { _ in SingerLogHandler(output: LogOutput(sink: buffer)) }
/// logger[metadataKey: "stream"] = "Account"
/// logger.info("Syncing")   // buffer.lines == ["INFO Syncing stream=Account"]
/// ```
public struct SingerLogHandler: LogHandler {
    public let output: LogOutput
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    /// Set when someone changes this logger's level; otherwise the shared output's level applies,
    /// so a level read from config after bootstrap still reaches loggers created earlier.
    private var ownLevel: Logger.Level?

    public init(output: LogOutput, metadataProvider: Logger.MetadataProvider? = nil) {
        self.output = output
        self.metadataProvider = metadataProvider
    }

    public var logLevel: Logger.Level {
        get { ownLevel ?? output.level }
        set { ownLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let eventMetadata = event.metadata { merged.merge(eventMetadata) { _, new in new } }
        var line = event.message.description
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(Self.render(value))"
        }
        if let error = event.error { line += " error=\(Self.quotedIfNeeded(String(describing: error)))" }
        output.write(level: event.level, message: line)
    }

    static func render(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let string): quotedIfNeeded(string)
        case .stringConvertible(let convertible): quotedIfNeeded(convertible.description)
        case .array, .dictionary: quotedIfNeeded(value.description)
        }
    }

    /// Values with spaces, quotes or `=` are JSON-quoted so `key=value` pairs stay parseable.
    static func quotedIfNeeded(_ text: String) -> String {
        let needsQuotes = text.isEmpty || text.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }
        return needsQuotes ? JSONWriter.string(from: .string(text)) : text
    }
}
