import Singer

extension SalesforceConfiguration {
    /// The tap's name, version, capabilities and settings: `--about`, `--config ENV` and validation.
    public static let description = ConnectorDescription(
        name: "tap-salesforce",
        version: SingerSwift.version,
        description: "Singer tap for Salesforce: discovery from describe metadata, REST queryAll and Bulk API 2.0 syncs, "
            + "incremental by SystemModstamp; a drop-in replacement for singer-io tap-salesforce.",
        capabilities: ["catalog", "properties", "discover", "state", "about", "test"],
        settings: [
            SettingDescription("client_id", type: .string, description: "Consumer key of the connected app (every flow)."),
            SettingDescription("client_secret", type: .string, secret: true, description: "Consumer secret of the connected app (refresh-token and password flows)."),
            SettingDescription("refresh_token", type: .string, secret: true, description: "OAuth refresh token (refresh-token flow, as in the Python tap). A rotated token is used for the rest of the run."),
            SettingDescription("username", type: .string, description: "User to log in as (password and JWT bearer flows)."),
            SettingDescription("password", type: .string, secret: true, description: "The user's password (password flow)."),
            SettingDescription("security_token", type: .string, secret: true, description: "The user's security token, appended to the password (password flow)."),
            SettingDescription("private_key", type: .string, secret: true, description: "RSA private key in PEM, or the path of a PEM file, whose certificate the connected app holds (JWT bearer flow)."),
            SettingDescription("start_date", type: .string, description: "Earliest record to sync on the first run (RFC 3339, e.g. 2020-01-01T00:00:00Z, or a date). Without it the first run syncs everything."),
            SettingDescription("api_type", type: .string, default: "REST", description: "REST (queryAll) or BULK (Bulk API 2.0 query jobs; BULK2 is accepted too)."),
            SettingDescription("select_fields_by_default", type: .boolean, default: false, description: "Discovery marks every supported field selected-by-default; a sync selects available fields the catalog leaves unselected."),
            SettingDescription("is_sandbox", type: .boolean, default: false, description: "Log in at test.salesforce.com instead of login.salesforce.com."),
            SettingDescription("login_url", type: .string, description: "OAuth server to log in at, overriding is_sandbox: a My Domain URL such as https://acme.my.salesforce.com, or a test server."),
            SettingDescription("api_version", type: .string, default: "61.0", description: "Salesforce API version for every call."),
            SettingDescription("quota_percent_total", type: .number, default: 80, description: "Stop when the org has used this percentage of its daily API requests (Sforce-Limit-Info, /limits for Bulk jobs)."),
            SettingDescription("quota_percent_per_run", type: .number, default: 25, description: "Stop when this run has used this percentage of the org's daily API requests (or Bulk jobs)."),
            SettingDescription("lookback_window", type: .integer, default: 0, description: "Seconds subtracted from a saved bookmark, to catch records committed late."),
            SettingDescription("bulk_poll_interval", type: .number, default: 5, description: "Seconds between status checks of a Bulk API 2.0 job."),
            SettingDescription("bulk_poll_timeout", type: .number, default: 10_800, description: "Seconds a Bulk API 2.0 job may take before the sync gives up on it."),
            SettingDescription("request_timeout", type: .number, default: 300, description: "Seconds a request may receive nothing before it is abandoned and retried."),
            SettingDescription("max_attempts", type: .integer, default: 5, description: "Attempts per request (counting the first) on 5xx answers and dropped connections."),
            SettingDescription("streams_to_discover", type: .array, itemType: .string, description: "Objects to describe at --discover (default: every queryable object)."),
        ]
    )
}
