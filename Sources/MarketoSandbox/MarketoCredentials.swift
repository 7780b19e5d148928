/// The LaunchPoint service credentials a sandbox accepts (test values only).
public struct MarketoCredentials: Sendable, Hashable {
    /// `client_id` (a UUID-like string, as Marketo issues).
    public var clientID: String
    /// `client_secret`.
    public var clientSecret: String
    /// The Munchkin id, `NNN-AAA-NNN`, as in a real endpoint's host name.
    public var munchkinID: String

    public init(clientID: String, clientSecret: String, munchkinID: String) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.munchkinID = munchkinID
    }
}
