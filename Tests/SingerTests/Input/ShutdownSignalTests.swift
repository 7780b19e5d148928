import Foundation
import Testing

@testable import Singer

/// A reader blocked on a pipe ends its input when the shutdown signal arrives, whatever thread
/// the kernel delivers it to. SIGUSR1 stands in for SIGTERM so the test runner keeps its own.
@Suite(.serialized) struct ShutdownSignalTests {
    @Test func blockedReaderEndsItsInputOnTheSignal() throws {
        ShutdownSignal.install(signals: [SIGUSR1])
        ShutdownSignal.resetForTesting()
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        let written = "{\"a\":1}\n{\"partial\":".utf8
        #expect(write(ends[1], Array(written), written.count) == written.count)

        let reader = LineReader(fileDescriptor: ends[0])
        reader.stopsOnShutdownSignal = true
        let finished = DispatchSemaphore(value: 0)
        let lines = LockedLines()
        // The reader moves to the thread and is read back only after `finished` is signalled.
        nonisolated(unsafe) let handedOver = reader
        Thread.detachNewThread {
            while let line = try? handedOver.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
            finished.signal()
        }
        // Once it has its first line the reader waits for the rest of the second (or is about to).
        let deadline = Date().addingTimeInterval(5)
        while lines.all.isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(lines.all == ["{\"a\":1}"])
        kill(getpid(), SIGUSR1)
        #expect(finished.wait(timeout: .now() + 5) == .success)
        #expect(reader.stoppedBySignal)
        #expect(lines.all == ["{\"a\":1}"])  // the unfinished line is dropped, not parsed
        #expect(ShutdownSignal.received == SIGUSR1)
        ShutdownSignal.resetForTesting()
    }

    @Test func readersThatDidNotAskKeepReading() throws {
        ShutdownSignal.install(signals: [SIGUSR1])
        kill(getpid(), SIGUSR1)
        defer { ShutdownSignal.resetForTesting() }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shutdown-\(UUID()).jsonl").path
        FileManager.default.createFile(atPath: path, contents: Data("x\ny\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try LineReader(path: path)
        #expect(try reader.nextLine().map { String(decoding: $0, as: UTF8.self) } == "x")
        #expect(try reader.nextLine().map { String(decoding: $0, as: UTF8.self) } == "y")
        #expect(!reader.stoppedBySignal)
    }

    final class LockedLines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        var all: [String] { lock.withLock { lines } }
        func append(_ line: String) { lock.withLock { lines.append(line) } }
    }
}
