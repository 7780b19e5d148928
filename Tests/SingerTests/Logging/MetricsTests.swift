import Testing

@testable import Singer

@Suite struct MetricsTests {
    let buffer = LineBuffer()
    let time = ManualMetricClock()
    var metrics: Metrics { Metrics(output: LogOutput(sink: buffer), clock: time.clock) }

    @Test func counterLineMatchesSingerPythonByteForByte() {
        let counter = metrics.recordCounter(endpoint: "users")
        counter.increment(by: 3)
        counter.flush()
        #expect(buffer.lines == [
            #"INFO METRIC: {"type": "counter", "metric": "record_count", "value": 3, "tags": {"endpoint": "users"}}"#
        ])
    }

    @Test func tagsAreEscapedLikePythonsEnsureASCII() {
        // Python escapes everything outside 0x20…0x7E: DEL and non-ASCII alike.
        let counter = metrics.recordCounter(endpoint: "a\u{7F}é")
        counter.increment(by: 1)
        counter.flush()
        #expect(buffer.lines == [
            #"INFO METRIC: {"type": "counter", "metric": "record_count", "value": 1, "tags": {"endpoint": "a\u007f\u00e9"}}"#
        ])
    }

    @Test func counterReportsIncrementsEverySixtySecondsAndOnFlush() {
        let counter = metrics.recordCounter(endpoint: "Account")
        counter.increment(by: 5)
        time.advance(by: 59)
        counter.increment(by: 2)
        #expect(buffer.lines.isEmpty)
        time.advance(by: 1)
        counter.increment()
        time.advance(by: 10)
        counter.increment(by: 4)
        counter.flush()
        counter.flush()
        #expect(buffer.lines.map(Self.value) == ["8", "4", "0"])
        #expect(counter.total == 12)
    }

    @Test func unflushedCountsAreReportedWhenTheCounterGoesAway() {
        do {
            let counter = metrics.recordCounter(endpoint: "Account")
            counter.increment(by: 7)
        }
        #expect(buffer.lines.map(Self.value) == ["7"])
    }

    @Test func httpTimerLineHasSecondsStatusCodeAndStatusInSingerPythonOrder() {
        let timer = metrics.startHTTPRequestTimer(endpoint: "users")
        time.advance(by: 0.53)
        timer.stopHTTPRequest(statusCode: 200)
        #expect(buffer.lines == [
            #"INFO METRIC: {"type": "timer", "metric": "http_request_duration", "value": 0.53, "tags": {"endpoint": "users", "http_status_code": 200, "status": "succeeded"}}"#
        ])
    }

    @Test func httpErrorsAndMissingResponsesAreFailed() {
        metrics.startHTTPRequestTimer(endpoint: "query").stopHTTPRequest(statusCode: 503)
        metrics.startHTTPRequestTimer(endpoint: "query").stopHTTPRequest(statusCode: nil)
        #expect(buffer.lines[0].hasSuffix(#""tags": {"endpoint": "query", "http_status_code": 503, "status": "failed"}}"#))
        #expect(buffer.lines[1].hasSuffix(#""tags": {"endpoint": "query", "status": "failed"}}"#))
    }

    @Test func timerValuesKeepAtMostSixDecimalsAndPrintAsFloats() {
        #expect(Metric.seconds(0.1234567).text == "0.123457")
        #expect(Metric.seconds(2).text == "2.0")
        #expect(Metric.seconds(0.000001).text == "1e-06")
    }

    @Test func jobTimerReportsFailureWhenTheJobThrows() async {
        struct JobFailed: Error {}
        let metrics = self.metrics
        await #expect(throws: JobFailed.self) {
            try await metrics.timeJob(jobType: "bulk_query") { throw JobFailed() }
        }
        let value = await metrics.timeJob(jobType: "bulk_query") { 42 }
        #expect(value == 42)
        #expect(buffer.lines == [
            #"INFO METRIC: {"type": "timer", "metric": "job_duration", "value": 0.0, "tags": {"job_type": "bulk_query", "status": "failed"}}"#,
            #"INFO METRIC: {"type": "timer", "metric": "job_duration", "value": 0.0, "tags": {"job_type": "bulk_query", "status": "succeeded"}}"#,
        ])
    }

    @Test func tagsAreWrittenWithPythonEscapes() {
        let metric = Metric(kind: .counter, name: "record_count", value: JSONNumber(1), tags: ["endpoint": "Café \"x\"\n"])
        #expect(metric.logMessage.hasSuffix(#""tags": {"endpoint": "Caf\u00e9 \"x\"\n"}}"#))
    }

    @Test func metricsAreSilentAboveInfo() {
        let output = LogOutput(sink: buffer, level: .warning)
        Metrics(output: output, clock: time.clock).recordCounter(endpoint: "x").flush()
        #expect(buffer.lines.isEmpty)
    }

    @Test func countersCanBeIncrementedFromManyTasks() async {
        let counter = metrics.recordCounter(endpoint: "Account")
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { for _ in 0..<1000 { counter.increment() } } }
        }
        counter.flush()
        #expect(buffer.lines.map(Self.value) == ["8000"])
    }

    /// The `value` field of a METRIC line.
    static func value(_ line: String) -> String {
        let afterValue = line.split(separator: "\"value\": ").last ?? ""
        return String(afterValue.prefix { $0 != "," })
    }
}
