import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for SIGTERM or SIGINT, for sandbox executables that serve until told to stop.
public enum TerminationSignal {
    /// Suspends until SIGTERM or SIGINT arrives and returns its number.
    public static func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let queue = DispatchQueue(label: "sandbox.signals")
            let state = SignalWaitState(continuation: continuation)
            for number in [SIGTERM, SIGINT] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { state.finish(number) }
                source.resume()
                state.sources.append(source)
            }
        }
    }
}

/// Resumes the waiter once; only touched on the signal queue.
private final class SignalWaitState: @unchecked Sendable {
    var continuation: CheckedContinuation<Int32, Never>?
    var sources: [any DispatchSourceSignal] = []

    init(continuation: CheckedContinuation<Int32, Never>) { self.continuation = continuation }

    func finish(_ number: Int32) {
        continuation?.resume(returning: number)
        continuation = nil
        for source in sources { source.cancel() }
    }
}
