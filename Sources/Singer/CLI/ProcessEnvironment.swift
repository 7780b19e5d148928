#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The process environment, read once where a default is needed; everything else takes the
/// environment as a plain dictionary so tests can pass their own.
public enum ProcessEnvironment {
    /// The variables of this process.
    public static var current: [String: String] { ProcessInfo.processInfo.environment }
}
