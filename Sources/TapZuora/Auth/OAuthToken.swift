import Foundation
import Singer

/// An access token from Zuora's `POST /oauth/token` and when it stops being valid.
struct OAuthToken: Sendable, Hashable {
    var accessToken: String
    /// `nil` when the response gave no `expires_in`: then only a 401 renews it.
    var expiresAt: ContinuousClock.Instant?

    /// Reads `{"access_token":"…","expires_in":3599,…}`; `nil` without an access token.
    init?(json body: Data, receivedAt now: ContinuousClock.Instant) {
        var parser = JSONParser()
        guard let value = try? parser.parse(body), let token = value["access_token"]?.stringValue, !token.isEmpty else { return nil }
        accessToken = token
        let lifetime = value["expires_in"]?.intValue ?? value["expires_in"]?.stringValue.flatMap { Int($0) }
        expiresAt = lifetime.map { now + .seconds($0) }
    }

    init(accessToken: String, expiresAt: ContinuousClock.Instant?) {
        self.accessToken = accessToken
        self.expiresAt = expiresAt
    }

    /// Whether the token expires within `margin` of `now`, so it should be renewed first.
    func isExpiring(at now: ContinuousClock.Instant, margin: Duration) -> Bool {
        guard let expiresAt else { return false }
        return now + margin >= expiresAt
    }
}
