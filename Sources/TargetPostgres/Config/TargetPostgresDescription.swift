import Singer

extension TargetPostgresConfiguration {
    /// Name, version, capabilities and settings, for `--about`, `--version` and config checks.
    public static let description = ConnectorDescription(
        name: "target-postgres",
        version: SingerSwift.version,
        description: "Loads Singer streams into PostgreSQL: one table per stream, COPY and upsert, state after commit.",
        capabilities: ["about", "schema-flattening", "validate-records", "activate-version", "target-schema", "hard-delete"],
        settings: [
            SettingDescription("host", type: .string, description: "Server host (falls back to PGHOST)."),
            SettingDescription("port", type: .integer, description: "Server port (falls back to PGPORT)."),
            SettingDescription("user", type: .string, description: "Role to log in as (falls back to PGUSER)."),
            SettingDescription("password", type: .string, secret: true, description: "Password (falls back to PGPASSWORD or ~/.pgpass)."),
            SettingDescription("database", type: .string, description: "Database (falls back to PGDATABASE)."),
            SettingDescription("sqlalchemy_url", type: .string, secret: true, description: "A postgresql:// URL (a SQLAlchemy driver suffix is ignored) or a libpq conninfo string; overrides the settings above."),
            SettingDescription("ssl_mode", type: .string, description: "libpq sslmode: disable, allow, prefer, require, verify-ca or verify-full."),
            SettingDescription("ssl_enable", type: .boolean, default: false, description: "Shorthand for ssl_mode verify-full when ssl_mode is unset."),
            SettingDescription("ssl_root_certificate", type: .string, description: "File of trusted CA certificates (sslrootcert)."),
            SettingDescription("ssl_client_certificate", type: .string, description: "Client certificate file (sslcert)."),
            SettingDescription("ssl_client_private_key", type: .string, secret: true, description: "Client private key file (sslkey)."),
            SettingDescription("default_target_schema", type: .string, default: "public", description: "Schema the tables go in; created if missing."),
            SettingDescription("batch_size_rows", type: .integer, default: 100_000, description: "Rows per stream per transaction; every full batch commits all streams and releases state."),
            SettingDescription("load_method", type: .string, default: "upsert", description: "upsert, append-only or overwrite."),
            SettingDescription("hard_delete", type: .boolean, default: false, description: "On ACTIVATE_VERSION, delete rows of older versions instead of setting _sdc_deleted_at."),
            SettingDescription("add_record_metadata", type: .boolean, default: false, description: "Add the _sdc_* metadata columns."),
            SettingDescription("activate_version", type: .boolean, default: true, description: "Act on ACTIVATE_VERSION messages."),
            SettingDescription("validate_records", type: .boolean, default: true, description: "Validate every record against its stream's schema."),
            SettingDescription("nul_characters", type: .string, default: "fail", description: "U+0000 in strings, which PostgreSQL cannot store: fail, strip or replace."),
            SettingDescription("nul_replacement", type: .string, default: "\u{FFFD}", description: "The replacement when nul_characters is replace."),
            SettingDescription("flattening_enabled", type: .boolean, default: false, description: "Flatten nested objects into parent__child columns (else objects load as jsonb)."),
            SettingDescription("flattening_max_depth", type: .integer, description: "How many levels of nesting to flatten; required with flattening_enabled."),
        ]
    )
}
