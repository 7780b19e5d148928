import Logging
import Testing

@testable import Singer

@Suite struct SingerLoggingTests {
    @Test func levelNamesAreCaseInsensitive() {
        #expect(SingerLogging.level(named: "DEBUG") == .debug)
        #expect(SingerLogging.level(named: " Warning ") == .warning)
        #expect(SingerLogging.level(named: "warn") == .warning)
        #expect(SingerLogging.level(named: "critical") == .critical)
        #expect(SingerLogging.level(named: "verbose") == nil)
    }

    @Test func connectorVariableBeatsGenericVariableBeatsConfig() throws {
        let config: JSONObject = ["log_level": "error"]
        #expect(try SingerLogging.level(config: config, environment: [:], prefix: "TAP_X") == .error)
        #expect(try SingerLogging.level(config: config, environment: ["LOGLEVEL": "warning"], prefix: "TAP_X") == .warning)
        let both = ["LOGLEVEL": "warning", "TAP_X_LOGLEVEL": "debug"]
        #expect(try SingerLogging.level(config: config, environment: both, prefix: "TAP_X") == .debug)
        #expect(try SingerLogging.level(config: [:], environment: [:], prefix: "TAP_X") == .info)
    }

    @Test func unknownLevelNamesItsSource() {
        #expect(throws: ConfigError.invalidLogLevel(source: "environment variable TAP_X_LOGLEVEL", value: "loud")) {
            try SingerLogging.level(config: [:], environment: ["TAP_X_LOGLEVEL": "loud"], prefix: "TAP_X")
        }
    }

    @Test func bootstrapCanRunMoreThanOnce() {
        // swift-log traps on a second LoggingSystem.bootstrap; ours must not. The level stays
        // at the default so suites running in parallel see the same process-wide output.
        SingerLogging.bootstrap(level: .info)
        SingerLogging.bootstrap(level: .info)
        #expect(SingerLogging.output.level == .info)
        #expect(Logger(label: "after-bootstrap").logLevel == .info)
    }
}
