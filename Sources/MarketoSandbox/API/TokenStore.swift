import SandboxKit
import Synchronization

/// Access tokens: Marketo hands out the same token until it expires (with a shrinking
/// `expires_in`), expires it by time, and here also by call count under `token-expiry`.
final class TokenStore: Sendable {
    private struct Token {
        var issuedAt: Int
        var calls: Int
    }

    private let state: Mutex<(tokens: [String: Token], current: String?, random: SeededRandom)>
    let lifetime: Int
    let callsPerToken: Int?

    init(seed: UInt64, lifetime: Int, callsPerToken: Int?) {
        state = Mutex((tokens: [:], current: nil, random: SeededRandom(seed: seed, purpose: "tokens")))
        self.lifetime = lifetime
        self.callsPerToken = callsPerToken
    }

    /// The current token if still good, or a new one; with its remaining seconds and
    /// whether it was minted now.
    func issue(now: Int) -> (token: String, expiresIn: Int, minted: Bool) {
        state.withLock { state in
            if let current = state.current, let token = state.tokens[current], isGood(token, now: now) {
                return (current, max(0, token.issuedAt + lifetime - now - 1), false)
            }
            let hex = (0..<4).map { _ in String(state.random.next(), radix: 16) }.joined()
            let chars = Array(hex.padding(toLength: 32, withPad: "0", startingAt: 0))
            let uuid = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
            let token = uuid + ":ab"
            state.tokens[token] = Token(issuedAt: now, calls: 0)
            state.current = token
            return (token, max(0, lifetime - 1), true)
        }
    }

    /// Checks a presented token and counts one call on it.
    func use(_ token: String, now: Int) -> MarketoError? {
        state.withLock { state in
            guard var entry = state.tokens[token] else { return .invalidToken }
            guard isGood(entry, now: now) else { return .expiredToken }
            entry.calls += 1
            state.tokens[token] = entry
            return nil
        }
    }

    /// Expires every token now.
    func expireAll() {
        state.withLock { state in
            for key in state.tokens.keys { state.tokens[key]?.issuedAt = Int.min / 2 }
        }
    }

    private func isGood(_ token: Token, now: Int) -> Bool {
        if now >= token.issuedAt + lifetime { return false }
        if let callsPerToken, token.calls >= callsPerToken { return false }
        return true
    }
}
