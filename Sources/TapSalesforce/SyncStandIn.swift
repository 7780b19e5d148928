import Logging
import Singer

// Stand-in until tap-sync's `SalesforceSync` (Sources/TapSalesforce/Sync/) is merged: same
// initializer and `run()`, so merging means deleting this file and renaming the one call in
// TapSalesforce.swift from `SyncStandIn` to `SalesforceSync`.
struct SyncStandIn {
    init(client: SalesforceClient, configuration: SalesforceConfiguration, catalog: Catalog,
         state: State, output: MessageWriter, logger: Logger) {}

    func run() throws {
        throw UsageError("this build of tap-salesforce cannot sync yet; only --discover, --test and --about work")
    }
}
