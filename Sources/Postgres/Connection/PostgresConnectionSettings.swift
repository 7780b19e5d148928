/// Structured connection settings, turned into a libpq conninfo string.
///
/// Leave a setting `nil` to let libpq fall back to its environment variable (`PGHOST`, `PGPORT`,
/// `PGUSER`, `PGPASSWORD`, `PGDATABASE`, `PGSSLMODE`, `PGAPPNAME`, `PGCONNECT_TIMEOUT`…) or, failing
/// that, to its built-in default; this type never fills defaults itself, so the usual libpq rules
/// (including `~/.pgpass` and service files) keep working.
///
/// ```swift
/// var settings = PostgresConnectionSettings()
/// settings.host = "warehouse.internal"
/// settings.database = "analytics"
/// settings.sslMode = .verifyFull
/// let connection = try PostgresConnection(settings: settings)
/// ```
public struct PostgresConnectionSettings: Sendable, Equatable {
    /// Host name, IP address or Unix-socket directory (`host`).
    public var host: String?
    /// TCP port (`port`).
    public var port: Int?
    /// Role to log in as (`user`).
    public var user: String?
    /// Password (`password`); never logged nor shown in errors.
    public var password: String?
    /// Database name (`dbname`).
    public var database: String?
    /// TLS negotiation (`sslmode`).
    public var sslMode: PostgresSSLMode?
    /// File of trusted CA certificates (`sslrootcert`).
    public var sslRootCert: String?
    /// Client certificate file (`sslcert`).
    public var sslCert: String?
    /// Client private key file (`sslkey`).
    public var sslKey: String?
    /// Name shown in `pg_stat_activity` (`application_name`).
    public var applicationName: String?
    /// Seconds to wait for the connection to open (`connect_timeout`).
    public var connectTimeout: Int?
    /// Any other libpq keywords (`keepalives`, `options`, `target_session_attrs`…), written after
    /// the named settings in keyword order.
    public var extraOptions: [String: String]

    /// Settings with everything unset: libpq uses its `PG*` environment variables.
    public init(
        host: String? = nil,
        port: Int? = nil,
        user: String? = nil,
        password: String? = nil,
        database: String? = nil,
        sslMode: PostgresSSLMode? = nil,
        sslRootCert: String? = nil,
        sslCert: String? = nil,
        sslKey: String? = nil,
        applicationName: String? = nil,
        connectTimeout: Int? = nil,
        extraOptions: [String: String] = [:]
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.sslMode = sslMode
        self.sslRootCert = sslRootCert
        self.sslCert = sslCert
        self.sslKey = sslKey
        self.applicationName = applicationName
        self.connectTimeout = connectTimeout
        self.extraOptions = extraOptions
    }

    /// The libpq keyword/value pairs for the settings that are set, in a stable order.
    public var keywordValuePairs: [(keyword: String, value: String)] {
        var pairs: [(keyword: String, value: String)] = []
        func add(_ keyword: String, _ value: String?) {
            if let value { pairs.append((keyword, value)) }
        }
        add("host", host)
        add("port", port.map(String.init))
        add("user", user)
        add("password", password)
        add("dbname", database)
        add("sslmode", sslMode?.rawValue)
        add("sslrootcert", sslRootCert)
        add("sslcert", sslCert)
        add("sslkey", sslKey)
        add("application_name", applicationName)
        add("connect_timeout", connectTimeout.map(String.init))
        for keyword in extraOptions.keys.sorted() { add(keyword, extraOptions[keyword]) }
        return pairs
    }

    /// The conninfo string for libpq, values quoted: `host='db' password='it\'s'`.
    public var conninfo: String { ConninfoFormat.conninfo(keywordValuePairs) }

    /// The conninfo string with the password replaced by `***`, safe for logs.
    public var redactedConninfo: String {
        ConninfoFormat.conninfo(keywordValuePairs.map {
            ConninfoRedaction.isSecret($0.keyword) ? ($0.keyword, "***") : $0
        })
    }

    /// Any conninfo string or `postgresql://` URI rewritten as `keyword='value'` pairs with the
    /// password shown as `***`, for logging a connection string that came from configuration.
    ///
    /// ```swift
    /// PostgresConnectionSettings.redacted(conninfo: "postgresql://loader:s3cret@db/warehouse")
    /// // "user='loader' password='***' dbname='warehouse' host='db'" (libpq's keyword order)
    /// ```
    public static func redacted(conninfo: String) -> String {
        ConninfoRedaction.redacted(conninfo)
    }
}

extension PostgresConnectionSettings: CustomStringConvertible {
    /// The redacted conninfo, so printing settings never shows a password.
    public var description: String { redactedConninfo }
}
