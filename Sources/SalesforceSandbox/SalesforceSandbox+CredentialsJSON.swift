import Singer

extension SalesforceSandbox {
    /// The credentials as one JSON object with the tap's config key names
    /// (`client_id`, `client_secret`, `refresh_token`, `username`, `password`,
    /// `security_token`, `private_key`, `login_url`), for scripts.
    public var credentialsJSON: String {
        JSONWriter.string(from: [
            "login_url": .string(baseURL), "client_id": .string(credentials.clientID),
            "client_secret": .string(credentials.clientSecret), "refresh_token": .string(credentials.refreshToken),
            "username": .string(credentials.username), "password": .string(credentials.password),
            "security_token": .string(credentials.securityToken), "private_key": .string(credentials.jwtPrivateKeyPEM),
        ])
    }
}
