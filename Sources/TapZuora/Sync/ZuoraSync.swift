import Foundation
import Logging
import Singer

/// A sync: for each selected stream in catalog order (resuming at `current_stream`), a
/// SCHEMA, its records from an AQuA job or REST exports, and STATE in the Python tap's shape.
///
/// ```swift
/// let sync = ZuoraSync(client: client, catalog: catalog, state: state, output: writer, logger: logger)
/// try sync.run()
/// sync.state   // the final state
/// ```
public final class ZuoraSync {
    let client: ZuoraClient
    let catalog: Catalog
    let output: MessageWriter
    let logger: Logger
    /// The state as last written.
    public private(set) var state: State
    /// STATE after this many records within a file, so a long file can resume near its end.
    static let recordsPerState = 10_000

    public init(client: ZuoraClient, catalog: Catalog, state: State, output: MessageWriter, logger: Logger) {
        self.client = client
        self.catalog = catalog
        self.state = state
        self.output = output
        self.logger = logger
    }

    private var configuration: ZuoraConfiguration { client.configuration }

    private var poller: JobPoller {
        JobPoller(initial: configuration.pollInterval, maximum: configuration.maxPollInterval, timeout: configuration.jobTimeout)
    }

    public func run() throws {
        let entries = catalog.streams.filter { $0.isSelected(rule: .singerIO) }
        let plans = try entries.map { try StreamPlan(entry: $0) }
        let syncStart = ZuoraTime.now()
        state = try ZuoraStatePreparation.prepare(state, plans: plans, startDate: configuration.startDate, now: syncStart.seconds)
        var skipping = state.currentStream.map { current in plans.contains { $0.stream == current } } ?? false
        try writeState()
        for plan in plans {
            if skipping {
                guard plan.stream == state.currentStream else { continue }
                skipping = false
            }
            state.setCurrentStream(plan.stream, key: .currentStream)
            try writeState()
            try output.write(.schema(SchemaMessage(
                stream: plan.stream, schema: plan.schema, keyProperties: plan.keyProperties,
                bookmarkProperties: plan.replicationKey.map { [$0] })))
            let emitted: Int
            switch configuration.apiType {
            case .aqua: emitted = try syncAQuA(plan, syncStart: syncStart)
            case .rest: emitted = try syncREST(plan, syncStart: syncStart)
            }
            logger.info("\(plan.stream): \(emitted) records")
        }
        state.setCurrentStream(nil, key: .currentStream)
        try writeState()
        try output.flush()
    }

    private func writeState() throws {
        try output.write(.state(StateMessage(value: state.json)))
        try output.flush()
    }

    // MARK: - AQuA

    private func syncAQuA(_ plan: StreamPlan, syncStart: ZuoraTime) throws -> Int {
        var fileIDs = state.bookmark(stream: plan.stream, key: "file_ids")?.arrayValue?.compactMap(\.stringValue) ?? []
        let bookmark = plan.replicationKey.flatMap { state.bookmark(stream: plan.stream, key: $0)?.stringValue }
        if fileIDs.isEmpty {
            let version = state.bookmark(stream: plan.stream, key: "version")?.intValue ?? syncStart.seconds
            let incrementalTime = bookmark.flatMap { ZuoraTime($0) }.map { $0.incrementalTime(in: configuration.incrementalTimeZone) }
            let body = AQuAJob.requestBody(
                plan: plan, partner: configuration.partnerID ?? "", version: version, incrementalTime: incrementalTime)
            fileIDs = try AQuAJob(client: client, plan: plan).run(body: body, poller: poller)
            // Written before any download, so an interrupted run downloads the same files.
            state.setBookmark(stream: plan.stream, key: "file_ids", value: .array(fileIDs.map { .string($0) }))
            try writeState()
        } else {
            logger.info("\(plan.stream): resuming the download of \(fileIDs.count) file(s) from the state")
        }
        var emitter = CSVRecordEmitter(plan: plan, timeExtracted: syncStart.singerText, bookmark: bookmark)
        while let fileID = fileIDs.first {
            try download(path: "v1/file/\(fileID)", fileID: fileID, plan: plan, emitter: &emitter)
            fileIDs.removeFirst()
            state.setBookmark(stream: plan.stream, key: "file_ids", value: .array(fileIDs.map { .string($0) }))
            noteBookmark(plan, emitter)
            try writeState()
        }
        state.setBookmark(stream: plan.stream, key: "file_ids", value: .null)
        try writeState()
        return emitter.recordsEmitted
    }

    /// Streams one file through `emitter`. A connection broken mid-file is downloaded again
    /// (up to 3 times), passing over the rows already handled, so no record is emitted twice.
    private func download(path: String, fileID: String, plan: StreamPlan, emitter: inout CSVRecordEmitter) throws {
        var lastState = emitter.recordsEmitted
        var restarts = 0
        emitter.startFile()
        while true {
            var parser = CSVParser()
            do {
                try client.stream(path) { chunk in
                    try emitter.push(chunk, parser: &parser, to: output)
                    if emitter.recordsEmitted - lastState >= Self.recordsPerState {
                        lastState = emitter.recordsEmitted
                        noteBookmark(plan, emitter)
                        try writeState()
                    }
                }
                try emitter.finish(parser: &parser, to: output)
                return
            } catch ZuoraError.api(let status, _, _) where status == 404 {
                state.setBookmark(stream: plan.stream, key: "file_ids", value: .null)
                try writeState()
                throw ZuoraError.fileNotFound(stream: plan.stream, fileID: fileID)
            } catch ZuoraError.interrupted(let endpoint, let reason) where restarts < 3 {
                restarts += 1
                logger.warning("\(plan.stream): download of \(endpoint) broke off (\(reason)); downloading it again, passing over the \(emitter.fileRowsSeen) rows already read")
                emitter.startFile(skipping: emitter.fileRowsSeen)
            }
        }
    }

    private func noteBookmark(_ plan: StreamPlan, _ emitter: CSVRecordEmitter) {
        guard let key = plan.replicationKey, !emitter.highestKey.isEmpty else { return }
        state.setBookmark(stream: plan.stream, key: key, value: .string(String(decoding: emitter.highestKey, as: UTF8.self)))
    }

    // MARK: - REST

    private func syncREST(_ plan: StreamPlan, syncStart: ZuoraTime) throws -> Int {
        let export = RESTExport(client: client, plan: plan)
        var emitter = CSVRecordEmitter(plan: plan, timeExtracted: syncStart.singerText, bookmark: nil)
        guard let key = plan.replicationKey else {
            if let fileID = try export.run(query: ZOQL.restQuery(plan), poller: poller) {
                try download(path: "v1/files/\(fileID)", fileID: fileID, plan: plan, emitter: &emitter)
            }
            return emitter.recordsEmitted
        }
        let bookmarkText = state.bookmark(stream: plan.stream, key: key)?.stringValue ?? configuration.startDate
        guard var windowStart = ZuoraTime(bookmarkText) else {
            throw ZuoraError.badRow(stream: plan.stream, row: 0, reason: "bookmark \(key) '\(bookmarkText)' is not a date-time")
        }
        let windowSeconds = state.bookmark(stream: plan.stream, key: "window_length")?.intValue ?? configuration.exportWindowDays * 86_400
        while windowStart < syncStart {
            let windowEnd = min(ZuoraTime(seconds: windowStart.seconds + windowSeconds), syncStart)
            let query = ZOQL.restQuery(plan, from: windowStart.zoqlLiteral, to: windowEnd.zoqlLiteral)
            if let fileID = try export.run(query: query, poller: poller) {
                try download(path: "v1/files/\(fileID)", fileID: fileID, plan: plan, emitter: &emitter)
            }
            // The Python tap's REST bookmark: the window end, `YYYY-MM-DD HH:MM:SS` in UTC.
            state.setBookmark(stream: plan.stream, key: key, value: .string(windowEnd.spacedUTC))
            try writeState()
            windowStart = windowEnd
        }
        return emitter.recordsEmitted
    }
}
