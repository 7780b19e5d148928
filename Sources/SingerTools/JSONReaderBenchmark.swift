import Foundation
import Singer

/// Compares our message reader with Foundation's `JSONSerialization` on the same Salesforce-like
/// stream, in the same run: the ratio, not the absolute rate, is the result.
public struct JSONReaderBenchmark {
    public struct Measurement: Sendable {
        public var name: String
        public var records: Int
        public var seconds: Double
        public var recordsPerSecond: Double { Double(records) / seconds }
    }

    public var recordCount: Int
    public var repetitions: Int

    public init(recordCount: Int = 100_000, repetitions: Int = 3) {
        self.recordCount = recordCount
        self.repetitions = repetitions
    }

    /// Writes the sample stream to a temporary file and times each reader over it; best of `repetitions`.
    public func run(report: (String) -> Void) throws -> [Measurement] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-json-\(getpid()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw LineReaderError.cannotOpen(path: path, errno: errno) }
        try SampleStream(recordCount: recordCount).write(to: MessageWriter(fileDescriptor: descriptor))
        close(descriptor)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        report("stream: \(recordCount) records, \(size / max(recordCount, 1)) bytes per line on average, \(size / 1_000_000) MB")

        let foundation = try best("Foundation JSONSerialization") { try Self.readWithFoundation(path) }
        let reader = try best("MessageReader (RECORD bodies kept as parsed)") { try Self.readMessages(path, materializing: false) }
        let materialized = try best("MessageReader, records built as JSONObject") { try Self.readMessages(path, materializing: true) }
        let tape = try best("JSONParser tape alone (no messages)") { try Self.readTape(path) }
        return [foundation, reader, materialized, tape]
    }

    private func best(_ name: String, _ body: () throws -> Int) throws -> Measurement {
        var fastest = Double.infinity
        var records = 0
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            records = try body()
            let elapsed = start.duration(to: .now)
            fastest = min(fastest, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return Measurement(name: name, records: records, seconds: fastest)
    }

    /// Reads the file, splits lines with `memchr` and parses each with `JSONSerialization`,
    /// counting RECORDs. Lines are handed over without copying so the baseline pays for parsing only.
    static func readWithFoundation(_ path: String) throws -> Int {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var records = 0
            var lineStart = 0
            while lineStart < buffer.count {
                let newline = memchr(base + lineStart, 0x0A, buffer.count - lineStart)
                let lineEnd = newline.map { base.distance(to: UnsafeRawPointer($0)) } ?? buffer.count
                let line = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base + lineStart), count: lineEnd - lineStart, deallocator: .none)
                let object = try JSONSerialization.jsonObject(with: line) as? [String: Any]
                if object?["type"] as? String == "RECORD", object?["record"] is [String: Any] { records += 1 }
                lineStart = lineEnd + 1
            }
            return records
        }
    }

    /// Every line decoded into a `Message`, records kept as parsed (what a target uses) or built
    /// as `JSONObject`s (what a consumer that needs `JSONValue`s pays).
    static func readMessages(_ path: String, materializing: Bool) throws -> Int {
        var reader = MessageReader(lines: try LineReader(path: path), recordForm: materializing ? .object : .raw)
        var records = 0
        while let message = try reader.next() {
            guard case .record(let record) = message else { continue }
            if materializing ? !record.record.isEmpty : record.rawRecord != nil { records += 1 }
        }
        return records
    }

    /// Parsing and validation only: what a target that encodes straight from the tape pays.
    static func readTape(_ path: String) throws -> Int {
        let lines = try LineReader(path: path)
        var parser = JSONParser()
        var records = 0
        while let line = try lines.nextLine() {
            records += try parser.withDocument(line) { root in
                root.member("type")?.stringValue == "RECORD" && root.member("record")?.kind == .object ? 1 : 0
            }
        }
        return records
    }
}
