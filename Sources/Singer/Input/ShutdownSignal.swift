#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Turns SIGINT and SIGTERM into an orderly end of input: once installed, a `LineReader` with
/// `stopsOnShutdownSignal` set that is blocked on stdin wakes up and reports the end of its input, so a target commits what it
/// has, emits the state that covers it and exits 0, as Singer SDK targets do.
///
/// A signal reaches whichever thread the kernel picks, so the handler only writes a byte to a
/// pipe that every reader polls beside its input (the self-pipe trick), whatever thread waits.
///
/// ```swift
/// ShutdownSignal.install()
/// reader.stopsOnShutdownSignal = true
/// while let line = try reader.nextLine() { … }
/// if let signal = ShutdownSignal.received { logger.info("stopping on signal \(signal)") }
/// ```
public enum ShutdownSignal {
    private static let receivedSignal = Atomic<Int32>(0)
    private static let wakeupReadEnd = Atomic<Int32>(-1)
    private static let wakeupWriteEnd = Atomic<Int32>(-1)

    /// Installs the handler for `signals` (once; later calls add signals to the same pipe).
    public static func install(signals: [Int32] = [SIGINT, SIGTERM]) {
        if wakeupReadEnd.load(ordering: .acquiring) < 0 {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { return }
            for end in ends { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
            wakeupWriteEnd.store(ends[1], ordering: .releasing)
            wakeupReadEnd.store(ends[0], ordering: .releasing)
        }
        for number in signals {
            var action = sigaction()
            #if os(Linux)
            action.__sigaction_handler.sa_handler = handle
            #else
            action.__sigaction_u.__sa_handler = handle
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }

    /// The first shutdown signal received, if any.
    public static var received: Int32? {
        let number = receivedSignal.load(ordering: .acquiring)
        return number == 0 ? nil : number
    }

    /// The descriptor readers poll beside their input; `nil` until `install` ran.
    static var wakeupDescriptor: Int32? {
        let descriptor = wakeupReadEnd.load(ordering: .acquiring)
        return descriptor < 0 ? nil : descriptor
    }

    /// Forgets a received signal and drains the pipe, so a test can signal again.
    static func resetForTesting() {
        receivedSignal.store(0, ordering: .releasing)
        var byte: UInt8 = 0
        if let descriptor = wakeupDescriptor { while read(descriptor, &byte, 1) > 0 {} }
    }

    /// Async-signal-safe: an atomic store and a `write(2)`.
    private static let handle: @convention(c) (Int32) -> Void = { number in
        _ = receivedSignal.compareExchange(expected: 0, desired: number, ordering: .acquiringAndReleasing)
        var byte: UInt8 = 1
        _ = write(wakeupWriteEnd.load(ordering: .acquiring), &byte, 1)
    }
}
