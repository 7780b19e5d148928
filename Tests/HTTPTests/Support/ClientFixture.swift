import Foundation
import HTTP
import Logging

/// A client whose retry sleeps are recorded instead of waited, plus its logs
/// and metrics, so tests can assert what the client decided.
///
/// The test servers listen on 127.0.0.1, which is always reached directly, so
/// the suite passes on machines whose environment sets `http_proxy`.
struct ClientFixture {
    let client: HTTPClient
    let sleeps = Recorder<Duration>()
    let logs = Recorder<RecordingLogHandler.Entry>()
    let metrics = Recorder<HTTPRequestMetric>()

    init(
        retryPolicy: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .seconds(1), maxDelay: .seconds(30)),
        configure: (inout HTTPClient.Configuration) -> Void = { _ in },
        now: Date = Date(timeIntervalSince1970: 1_700_000_000),
        authorizer: (any HTTPAuthorizer)? = nil
    ) {
        var configuration = HTTPClient.Configuration(
            connectTimeout: .seconds(5), noProxy: "127.0.0.1,localhost", retryPolicy: retryPolicy)
        configure(&configuration)
        let logs = self.logs
        let logger = Logger(label: "http-tests") { _ in RecordingLogHandler(entries: logs) }
        let sleeps = self.sleeps
        let metrics = self.metrics
        client = HTTPClient(
            configuration: configuration,
            logger: logger,
            timing: RetryTiming(sleep: { sleeps.append($0) }, unitRandom: { 0.5 }, now: { now }),
            onMetric: { metrics.append($0) },
            authorizer: authorizer
        )
    }

    /// Every log message at `level`, joined for `contains` checks.
    func logText(at level: Logger.Level? = nil) -> String {
        logs.all.filter { level == nil || $0.level == level }
            .map { "\($0.message) \($0.metadata)" }
            .joined(separator: "\n")
    }
}

/// `printf 'hello gzip world\n' | gzip -9 -n`.
let gzippedHelloWorld: [UInt8] = [
    0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xcb, 0x48,
    0xcd, 0xc9, 0xc9, 0x57, 0x48, 0xaf, 0xca, 0x2c, 0x50, 0x28, 0xcf, 0x2f,
    0xca, 0x49, 0xe1, 0x02, 0x00, 0x3e, 0x56, 0x00, 0xe8, 0x11, 0x00, 0x00,
    0x00,
]
