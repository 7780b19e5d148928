import Synchronization

/// Issued access tokens and how often each was used, so a sandbox can expire tokens after a
/// number of calls (a deterministic stand-in for session timeouts) and count re-logins.
///
/// ```swift
/// let tokens = AccessTokenRegistry(callsPerToken: 3)
/// tokens.register("abc")
/// tokens.use("abc")   // .valid, .valid, .valid, then .expired
/// ```
public final class AccessTokenRegistry: Sendable {
    /// The outcome of presenting a token.
    public enum Check: Sendable, Hashable {
        /// Known and still valid; `use` counts this call against it.
        case valid
        /// Known but used up (or revoked).
        case expired
        /// Never issued here.
        case unknown
    }

    /// Calls each token may make; `nil` means tokens never expire.
    public let callsPerToken: Int?
    private let uses = Mutex<[String: Int]>([:])

    public init(callsPerToken: Int?) { self.callsPerToken = callsPerToken }

    /// Records a newly issued token.
    public func register(_ token: String) {
        uses.withLock { $0[token] = 0 }
    }

    /// Checks `token` and, when valid, counts one call against it.
    public func use(_ token: String) -> Check {
        uses.withLock { uses in
            guard let used = uses[token] else { return .unknown }
            if let limit = callsPerToken, used >= limit { return .expired }
            uses[token] = used + 1
            return .valid
        }
    }

    /// Makes every issued token expired (e.g. an admin "revoke all sessions").
    public func expireAll() {
        uses.withLock { uses in
            for key in uses.keys { uses[key] = Int.max / 2 }
        }
    }

    /// How many tokens were issued.
    public var issuedCount: Int { uses.withLock { $0.count } }
}
