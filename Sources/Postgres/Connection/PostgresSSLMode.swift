/// How libpq negotiates TLS, mirroring the `sslmode` connection keyword.
public enum PostgresSSLMode: String, Sendable, Equatable, CaseIterable {
    /// Never use TLS.
    case disable
    /// Try plaintext first, TLS if the server insists.
    case allow
    /// Try TLS first, plaintext if the server lacks it (libpq's default).
    case prefer
    /// Use TLS without checking the certificate.
    case require
    /// Use TLS and check the certificate chain against `sslrootcert`.
    case verifyCA = "verify-ca"
    /// Like `verifyCA`, and also check that the host name matches the certificate.
    case verifyFull = "verify-full"
}
