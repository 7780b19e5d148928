import Foundation
import Logging
import Singer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tap's entry point: `--discover` writes the catalog, `--test` checks credentials and API
/// access, and with `--catalog` (or `--properties`) and `--state` it syncs the selected streams.
///
/// ```swift
/// // Sources/tap-salesforce/main.swift
/// await runConnector(TapSalesforce.description, options: TapOptions.self) { options, config in
///     try TapSalesforce.run(options: options, config: config)
/// }
/// ```
public enum TapSalesforce {
    /// Name, version, capabilities and settings, for `--about` and config validation.
    public static var description: ConnectorDescription { SalesforceConfiguration.description }

    /// Runs the mode `options` asks for, writing Singer output to `output` (stdout by default).
    public static func run(options: TapOptions, config: Config, output: MessageWriter? = nil) throws {
        let configuration = try SalesforceConfiguration(config)
        let logger = Logger(label: "tap-salesforce")
        let client = SalesforceClient(configuration: configuration, logger: logger)
        let writer = output ?? MessageWriter(fileDescriptor: STDOUT_FILENO)
        if options.discover {
            let catalog = try SalesforceDiscovery(client: client, configuration: configuration, logger: logger).discover()
            try writer.writeRaw(Array((IndentedJSONText.string(from: catalog.json) + "\n").utf8))
            try writer.flush()
        } else if options.testMode != nil {
            try ConnectionTest(client: client, logger: logger).run()
        } else if let catalogPath = options.catalogPath {
            let catalog = try Catalog(contentsOf: catalogPath)
            let state = try options.statePath.map { try State(contentsOf: $0, currentStreamKey: .currentStream) }
                ?? State(currentStreamKey: .currentStream)
            defer { client.logQuotaSummary() }
            try SalesforceSync(
                client: client, configuration: configuration, catalog: catalog, state: state, output: writer, logger: logger
            ).run()
            try writer.flush()
        } else {
            throw UsageError("nothing to do: pass --discover to write a catalog, --catalog (or --properties) "
                + "with an optional --state to sync, or --test to check the connection")
        }
    }
}
