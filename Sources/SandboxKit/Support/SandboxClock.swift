#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a sandbox gets "now": the real clock, or a fixed instant for tests that compare
/// timestamps exactly. Milliseconds since the Unix epoch, the precision vendor APIs report.
///
/// ```swift
/// let clock = SandboxClock.fixed(milliseconds: 1_767_225_600_000)   // 2026-01-01T00:00:00Z
/// clock.nowMilliseconds()   // always the same
/// ```
public struct SandboxClock: Sendable {
    private let fixed: Int64?

    private init(fixed: Int64?) { self.fixed = fixed }

    /// The system's real-time clock.
    public static let system = SandboxClock(fixed: nil)

    /// Always `milliseconds` since the epoch.
    public static func fixed(milliseconds: Int64) -> SandboxClock { SandboxClock(fixed: milliseconds) }

    /// Whether this clock is frozen.
    public var isFixed: Bool { fixed != nil }

    /// Milliseconds since 1970-01-01T00:00:00Z.
    public func nowMilliseconds() -> Int64 {
        if let fixed { return fixed }
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }

    /// Seconds since the epoch, for JWT `exp` checks.
    public func nowSeconds() -> Int64 { nowMilliseconds() / 1000 }
}
