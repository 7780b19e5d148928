import Foundation
import Logging
import Singer

/// What every stream's sync shares: the client, the state (written in the Python tap's shape)
/// and the output.
final class SyncContext {
    let client: MarketoClient
    let configuration: MarketoConfiguration
    let output: MessageWriter
    let logger: Logger
    var state: State
    /// When the run started, for REST bookmarks and the end of the last export window.
    let runStart: RFC3339.DateTime
    /// Pause function for bulk polling (replaced in tests).
    var sleep: @Sendable (Duration) -> Void = { Thread.sleep(forTimeInterval: $0.seconds) }
    private var invalidValueWarnings = Set<String>()

    init(client: MarketoClient, state: State, output: MessageWriter, logger: Logger, runStart: RFC3339.DateTime) {
        self.client = client
        configuration = client.configuration
        self.output = output
        self.logger = logger
        self.state = state
        self.runStart = runStart
    }

    func emitState() throws {
        try output.write(.state(StateMessage(value: state.json)))
    }

    func emit(_ stream: String, _ record: JSONObject) throws {
        try output.write(.record(RecordMessage(stream: stream, record: record)))
    }

    /// The stream's bookmark as seconds since 1970: the saved value, else `start_date`.
    func bookmarkSeconds(_ stream: String, key: String) -> Int {
        if let text = state.bookmark(stream: stream, key: key)?.stringValue, let seconds = MarketoTime.parse(text) {
            return seconds
        }
        return configuration.startSeconds
    }

    func setBookmark(_ stream: String, _ key: String, _ value: JSONValue) {
        state.setBookmark(stream: stream, key: key, value: value)
    }

    /// Logs an unreadable value once per stream and field.
    func warnInvalid(stream: String, field: String, value: String) {
        guard invalidValueWarnings.insert(stream + "." + field).inserted else { return }
        logger.warning("\(stream): field '\(field)' holds '\(value.prefix(60))', which does not fit its schema; written as null")
    }
}
