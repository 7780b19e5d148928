/// The secrets a client needs to log in to the sandbox with each OAuth flow. All values are
/// test values minted per sandbox; none is a real credential.
public struct SalesforceCredentials: Sendable, Hashable {
    /// The connected app's consumer key (`client_id`; JWT `iss`).
    public var clientID: String
    /// The consumer secret (`client_secret`); also keys the token response `signature`.
    public var clientSecret: String
    /// A refresh token valid for the refresh-token grant.
    public var refreshToken: String
    /// The integration user's username (password grant; JWT `sub`).
    public var username: String
    /// The user's password, without the security token.
    public var password: String
    /// The security token appended to the password in the password grant.
    public var securityToken: String
    /// PKCS#8 PEM of the RSA private key a client signs JWT assertions with.
    public var jwtPrivateKeyPEM: String
    /// PEM of the public key the sandbox verifies JWT assertions with (the connected app's
    /// certificate, in Salesforce terms).
    public var jwtPublicKeyPEM: String
    /// The org ID (`00D…`), part of `id` URLs and access tokens.
    public var organizationID: String
    /// The integration user's ID (`005…`).
    public var userID: String
}
