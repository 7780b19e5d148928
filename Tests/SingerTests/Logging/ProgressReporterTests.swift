import Logging
import Testing

@testable import Singer

@Suite struct ProgressReporterTests {
    @Test func reportsCountAndRateEveryIntervalThenATotal() {
        let buffer = LineBuffer()
        let output = LogOutput(sink: buffer)
        let time = ManualMetricClock()
        let progress = ProgressReporter(
            stream: "Account", logger: Logger(label: "progress") { _ in SingerLogHandler(output: output) },
            clock: time.clock, interval: 30)
        progress.advance(by: 1000)
        time.advance(by: 30)
        progress.advance(by: 1_349_000)
        time.advance(by: 10)
        progress.advance(by: 50_000)
        time.advance(by: 20)
        progress.advance(by: 100_000)
        progress.finish()
        #expect(buffer.lines == [
            "INFO Account: 1350000 records, 45000 records/s",
            "INFO Account: 1500000 records, 5000 records/s",
            "INFO Account: finished, 1500000 records in 60.0 s, 25000 records/s",
        ])
        #expect(progress.total == 1_500_000)
    }
}
