/// What a successful login yields: the access token and the instance every later call goes to.
public struct SalesforceSession: Sendable, Hashable {
    /// The bearer token for `Authorization`.
    public var accessToken: String
    /// `https://acme.my.salesforce.com`, used verbatim (no trailing slash) as the base of every API URL.
    public var instanceURL: String
    /// A new refresh token, when the org rotates them on every refresh grant.
    public var rotatedRefreshToken: String?

    public init(accessToken: String, instanceURL: String, rotatedRefreshToken: String? = nil) {
        self.accessToken = accessToken
        self.instanceURL = instanceURL
        self.rotatedRefreshToken = rotatedRefreshToken
    }
}
