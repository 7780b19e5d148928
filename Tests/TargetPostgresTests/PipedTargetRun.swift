import Foundation
import Singer

@testable import TargetPostgres

/// The target running on a thread of its own, reading a pipe the test writes to as a tap
/// would, and writing its states to a file: for tests that act while the target waits for input.
final class PipedTargetRun: @unchecked Sendable {
    private let readEnd: Int32
    private var writeEnd: Int32
    private let stateDescriptor: Int32
    private let statePath = FileManager.default.temporaryDirectory.appendingPathComponent("piped-\(UUID()).jsonl").path
    private let finished = DispatchSemaphore(value: 0)
    /// Read by the test only after `waitUntilFinished`, which orders it after the thread's write.
    private(set) var failure: (any Error)?
    /// The target's input; read from the test thread only for progress polling.
    let input: LineReader
    private let target: PostgresTarget

    init(fixture: TargetFixture, stopsOnShutdownSignal: Bool = false, firstLines: [String]) throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw LineReaderError.readFailed(errno: errno) }
        (readEnd, writeEnd) = (ends[0], ends[1])
        stateDescriptor = open(statePath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        input = LineReader(fileDescriptor: readEnd)
        input.stopsOnShutdownSignal = stopsOnShutdownSignal
        target = PostgresTarget(configuration: fixture.configuration, stateOutput: MessageWriter(fileDescriptor: stateDescriptor))
        send(firstLines)
        Thread.detachNewThread { [self] in
            do { try target.run(input: input) } catch { failure = error }
            finished.signal()
        }
    }

    deinit {
        closeInput()
        close(readEnd)
        close(stateDescriptor)
        try? FileManager.default.removeItem(atPath: statePath)
    }

    /// Writes lines to the target's input, each ended by a newline.
    func send(_ lines: [String]) {
        let text = lines.map { $0 + "\n" }.joined()
        _ = text.utf8CString.withUnsafeBufferPointer { write(writeEnd, $0.baseAddress, text.utf8.count) }
    }

    /// Ends the input, as a tap exiting does.
    func closeInput() {
        if writeEnd >= 0 { close(writeEnd) }
        writeEnd = -1
    }

    /// Whether the target finished within `seconds`.
    func waitUntilFinished(seconds: Double = 10) -> Bool {
        finished.wait(timeout: .now() + seconds) == .success
    }

    /// The states the target has written so far.
    func states() throws -> String { try String(contentsOfFile: statePath, encoding: .utf8) }
}
