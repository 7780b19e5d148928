import Logging
import Testing

@testable import Singer

@Suite struct SingerLogHandlerTests {
    private func logger(_ buffer: LineBuffer, level: Logger.Level = .info, redactor: SecretRedactor = SecretRedactor()) -> Logger {
        let output = LogOutput(sink: buffer, level: level, redactor: redactor)
        return Logger(label: "test") { _ in SingerLogHandler(output: output) }
    }

    @Test func writesLevelAndMessageLikeSingerPython() {
        let buffer = LineBuffer()
        logger(buffer).info("Syncing stream Account")
        #expect(buffer.lines == ["INFO Syncing stream Account"])
    }

    @Test func levelsUsePythonNames() {
        let buffer = LineBuffer()
        let log = logger(buffer, level: .trace)
        log.trace("t"); log.debug("d"); log.info("i"); log.notice("n"); log.warning("w"); log.error("e"); log.critical("c")
        #expect(buffer.lines == ["DEBUG t", "DEBUG d", "INFO i", "INFO n", "WARNING w", "ERROR e", "CRITICAL c"])
    }

    @Test func metadataIsAppendedSortedAndQuotedWhenNeeded() {
        let buffer = LineBuffer()
        var log = logger(buffer)
        log[metadataKey: "stream"] = "Account"
        log.info("Synced", metadata: ["records": "120", "note": "two words"])
        #expect(buffer.lines == [#"INFO Synced note="two words" records=120 stream=Account"#])
    }

    @Test func messagesBelowTheLevelAreDropped() {
        let buffer = LineBuffer()
        let log = logger(buffer, level: .warning)
        log.info("quiet")
        log.warning("loud")
        #expect(buffer.lines == ["WARNING loud"])
    }

    @Test func handlersFollowTheSharedLevelUntilGivenTheirOwn() {
        let buffer = LineBuffer()
        let output = LogOutput(sink: buffer, level: .info)
        var log = Logger(label: "test") { _ in SingerLogHandler(output: output) }
        log.debug("hidden")
        output.level = .debug
        log.debug("shown")
        log.logLevel = .error
        log.warning("hidden again")
        #expect(buffer.lines == ["DEBUG shown"])
    }

    @Test func secretsNeverReachTheLog() {
        let buffer = LineBuffer()
        let redactor = SecretRedactor()
        redactor.register(config: ["client_secret": "hunter2-long", "start_date": "2024"], secretSettings: [])
        redactor.register("00Dxx0000001gPL!AR8AQJXg")  // an access token obtained at run time
        logger(buffer, redactor: redactor).info(
            "auth with hunter2-long got 00Dxx0000001gPL!AR8AQJXg", metadata: ["token": "00Dxx0000001gPL!AR8AQJXg"])
        #expect(buffer.lines == ["INFO auth with *** got *** token=***"])
    }
}
