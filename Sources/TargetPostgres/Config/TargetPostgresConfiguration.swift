import Postgres
import Singer

/// The settings of `target-postgres`, named as MeltanoLabs target-postgres names them.
///
/// Connection settings left unset fall back to libpq's `PG*` environment variables.
public struct TargetPostgresConfiguration: Sendable {
    /// How rows reach their table.
    public enum LoadMethod: String, Sendable, CaseIterable {
        /// Insert new keys, update existing ones (plain inserts for streams without keys).
        case upsert
        /// Insert every record, keys or not.
        case appendOnly = "append-only"
        /// Empty each table once per run, on its first batch, then insert.
        case overwrite
    }

    public var connection: Connection
    public var defaultTargetSchema: String
    public var batchSizeRows: Int
    public var loadMethod: LoadMethod
    public var hardDelete: Bool
    public var addRecordMetadata: Bool
    public var activateVersion: Bool
    public var validateRecords: Bool
    public var nulCharacters: NULPolicy
    /// Nested object properties become `parent__child` columns down to this depth; `nil` keeps
    /// objects whole, in `jsonb` columns.
    public var flatteningMaxDepth: Int?

    /// Where to connect: a libpq conninfo string or URI, or structured settings.
    public enum Connection: Sendable {
        case conninfo(String)
        case settings(PostgresConnectionSettings)
    }

    public init(
        connection: Connection = .settings(PostgresConnectionSettings()), defaultTargetSchema: String = "public",
        batchSizeRows: Int = 100_000, loadMethod: LoadMethod = .upsert, hardDelete: Bool = false,
        addRecordMetadata: Bool = false, activateVersion: Bool = true, validateRecords: Bool = true,
        nulCharacters: NULPolicy = .fail
    ) {
        self.connection = connection
        self.defaultTargetSchema = defaultTargetSchema
        self.batchSizeRows = batchSizeRows
        self.loadMethod = loadMethod
        self.hardDelete = hardDelete
        self.addRecordMetadata = addRecordMetadata
        self.activateVersion = activateVersion
        self.validateRecords = validateRecords
        self.nulCharacters = nulCharacters
    }

    /// Reads and checks the loaded config; errors name the setting (exit 2).
    public init(_ config: Config) throws(ConfigError) {
        self.init()
        if let url = config.string("sqlalchemy_url") {
            connection = .conninfo(Self.libpqURL(fromSQLAlchemy: url))
        } else {
            var settings = PostgresConnectionSettings(
                host: config.string("host"), port: config.int("port"), user: config.string("user"),
                password: config.string("password"), database: config.string("database"),
                sslRootCert: config.string("ssl_root_certificate"), sslCert: config.string("ssl_client_certificate"),
                sslKey: config.string("ssl_client_private_key"), applicationName: "target-postgres")
            if let mode = config.string("ssl_mode") {
                guard let parsed = PostgresSSLMode(rawValue: mode) else {
                    throw .invalidValue(setting: "ssl_mode", reason: "expected one of \(PostgresSSLMode.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(mode)\"")
                }
                settings.sslMode = parsed
            } else if config.bool("ssl_enable") == true {
                settings.sslMode = .verifyFull
            }
            connection = .settings(settings)
        }
        defaultTargetSchema = config.string("default_target_schema") ?? defaultTargetSchema
        if let rows = config.int("batch_size_rows") {
            guard rows > 0 else { throw .invalidValue(setting: "batch_size_rows", reason: "must be at least 1, got \(rows)") }
            batchSizeRows = rows
        }
        if let method = config.string("load_method") {
            guard let parsed = LoadMethod(rawValue: method) else {
                throw .invalidValue(setting: "load_method", reason: "expected upsert, append-only or overwrite, got \"\(method)\"")
            }
            loadMethod = parsed
        }
        hardDelete = config.bool("hard_delete") ?? hardDelete
        addRecordMetadata = config.bool("add_record_metadata") ?? addRecordMetadata
        activateVersion = config.bool("activate_version") ?? config.bool("process_activate_version_messages") ?? activateVersion
        validateRecords = config.bool("validate_records") ?? validateRecords
        switch config.string("nul_characters") ?? "fail" {
        case "fail": nulCharacters = .fail
        case "strip": nulCharacters = .strip
        case "replace": nulCharacters = .replace(config.string("nul_replacement") ?? "\u{FFFD}")
        case let other: throw .invalidValue(setting: "nul_characters", reason: "expected fail, strip or replace, got \"\(other)\"")
        }
        if config.bool("flattening_enabled") == true {
            // The Singer SDK requires a depth too: unbounded flattening of deep documents makes tables nobody wants.
            guard let depth = config.int("flattening_max_depth") else {
                throw .invalidValue(setting: "flattening_max_depth", reason: "required when flattening_enabled is true")
            }
            guard depth >= 1 else { throw .invalidValue(setting: "flattening_max_depth", reason: "must be at least 1, got \(depth)") }
            flatteningMaxDepth = depth
        }
    }

    /// `postgresql+psycopg2://u:p@h/db` → `postgresql://u:p@h/db`: libpq reads the URL once the
    /// SQLAlchemy driver name is gone; a conninfo string passes through.
    static func libpqURL(fromSQLAlchemy url: String) -> String {
        guard let scheme = url.firstRange(of: "://"), let plus = url[..<scheme.lowerBound].firstIndex(of: "+") else { return url }
        return String(url[..<plus]) + String(url[scheme.lowerBound...])
    }
}
