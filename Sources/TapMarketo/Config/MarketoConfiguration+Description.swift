import Singer

extension MarketoConfiguration {
    /// The tap's name, version, capabilities and settings: `--about`, `--config ENV` and validation.
    public static let description = ConnectorDescription(
        name: "tap-marketo",
        version: SingerSwift.version,
        description: "Singer tap for Marketo: bulk lead and activity exports, activity types, campaigns, lists, "
            + "programs and deleted leads, within Marketo's rate and daily limits; a drop-in replacement for "
            + "singer-io tap-marketo.",
        capabilities: ["catalog", "properties", "discover", "state", "about", "test"],
        settings: [
            SettingDescription("endpoint", type: .string, required: true, description: "REST API endpoint exactly as Admin → Web Services shows it, e.g. https://123-ABC-456.mktorest.com/rest (a bare Munchkin id also works)."),
            SettingDescription("identity", type: .string, description: "Identity endpoint; defaults to the endpoint's host with /identity."),
            SettingDescription("client_id", type: .string, required: true, description: "Client id of the LaunchPoint custom service."),
            SettingDescription("client_secret", type: .string, required: true, secret: true, description: "Client secret of the LaunchPoint custom service."),
            SettingDescription("start_date", type: .string, required: true, description: "First bookmark of every incremental stream (RFC 3339 or a date)."),
            SettingDescription("max_daily_calls", type: .integer, default: 40_000, description: "Stop (exit 1, usable state) before the subscription's API calls today exceed this; counts every integration's calls (stats/usage.json)."),
            SettingDescription("user_agent", type: .string, default: "Singer.io/tap-marketo", description: "User-Agent sent on API calls."),
            SettingDescription("job_timeout", type: .number, default: 10_800, description: "Seconds one bulk export job may take."),
            SettingDescription("poll_interval", type: .number, default: 300, description: "Seconds between bulk job status checks (Marketo updates status at most once a minute)."),
            SettingDescription("request_timeout", type: .number, default: 300, description: "Seconds one request may take; 0 or empty means the default."),
            SettingDescription("max_export_days", type: .integer, default: 30, description: "Days per bulk export window (1 to 31)."),
            SettingDescription("rate_limit_pause", type: .number, default: 20, description: "Seconds to pause after error 606 or 615 before retrying."),
            SettingDescription("calls_per_window", type: .integer, default: 100, description: "Calls allowed per rate_window seconds, enforced before Marketo does."),
            SettingDescription("rate_window", type: .number, default: 20, description: "Length of the rate-limit window in seconds."),
        ]
    )
}
