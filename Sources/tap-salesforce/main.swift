import Singer
import TapSalesforce

// tap-salesforce: a Salesforce org's objects as Singer streams on stdout.
await runConnector(TapSalesforce.description, options: TapOptions.self) { options, config in
    try TapSalesforce.run(options: options, config: config)
}
