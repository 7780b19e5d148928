import Singer

extension ZuoraConfiguration {
    /// The tap's name, version, capabilities and settings: `--about`, `--config ENV` and validation.
    public static let description = ConnectorDescription(
        name: "tap-zuora",
        version: SingerSwift.version,
        description: "Singer tap for Zuora: discovery from describe XML, AQuA stateful batch queries (deleted records "
            + "included) or REST CRUD exports; a drop-in replacement for singer-io tap-zuora.",
        capabilities: ["catalog", "properties", "discover", "state", "about", "test"],
        settings: [
            SettingDescription("start_date", type: .string, required: true, description: "First bookmark of incremental streams (RFC 3339, e.g. 2024-01-01T00:00:00Z)."),
            SettingDescription("api_type", type: .string, default: "AQUA", description: "REST for CRUD exports (/v1/object/export); anything else uses AQuA (/v1/batch-query/)."),
            SettingDescription("username", type: .string, description: "BASIC: API user (sent as apiAccessKeyId). OAUTH: the OAuth client_id."),
            SettingDescription("password", type: .string, secret: true, description: "BASIC: the user's password (apiSecretAccessKey). OAUTH: the OAuth client_secret."),
            SettingDescription("auth_type", type: .string, default: "BASIC", description: "BASIC (legacy headers) or OAUTH (client credentials; the token is renewed before it expires)."),
            SettingDescription("client_id", type: .string, description: "OAUTH: client_id, instead of username."),
            SettingDescription("client_secret", type: .string, secret: true, description: "OAUTH: client_secret, instead of password."),
            SettingDescription("partner_id", type: .string, description: "AQuA partner id issued by Zuora; required unless api_type is REST."),
            SettingDescription("sandbox", type: .boolean, default: false, description: "Use Zuora's API sandbox hosts (\"true\" or true)."),
            SettingDescription("european", type: .boolean, default: false, description: "Use Zuora's EU data center hosts (\"true\" or true); incrementalTime is then sent in UTC, as Zuora documents."),
            SettingDescription("base_url", type: .string, description: "Zuora REST host to use instead of the sandbox/european table, e.g. https://rest.test.zuora.com (Central Sandbox), https://rest.ap.zuora.com or a test server."),
            SettingDescription("poll_interval", type: .number, default: 5, description: "Seconds before the first job status check; the wait grows by half each check up to max_poll_interval."),
            SettingDescription("max_poll_interval", type: .number, default: 60, description: "Longest wait in seconds between job status checks."),
            SettingDescription("job_timeout", type: .number, default: 43_200, description: "Seconds an AQuA job or REST export may take before the sync fails (state kept)."),
            SettingDescription("export_window_days", type: .integer, default: 30, description: "REST mode: days of the replication key per export."),
            SettingDescription("max_attempts", type: .integer, default: 5, description: "Attempts per request (counting the first) on 429, 5xx and dropped connections."),
        ]
    )
}
