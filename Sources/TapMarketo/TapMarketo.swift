import Foundation
import Logging
import Singer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tap's entry point: `--discover` writes the catalog, `--test` checks credentials, API
/// access and the daily quota, and with `--catalog` (or `--properties`) and `--state` it syncs.
///
/// ```swift
/// // Sources/tap-marketo/main.swift
/// await runConnector(TapMarketo.description, options: TapOptions.self) { options, config in
///     try TapMarketo.run(options: options, config: config)
/// }
/// ```
public enum TapMarketo {
    /// Name, version, capabilities and settings, for `--about` and config validation.
    public static var description: ConnectorDescription { MarketoConfiguration.description }

    /// Runs the mode `options` asks for, writing Singer output to `output` (stdout by default).
    public static func run(options: TapOptions, config: Config, output: MessageWriter? = nil) throws {
        let configuration = try MarketoConfiguration(config)
        let logger = Logger(label: "tap-marketo")
        let client = MarketoClient(configuration: configuration, logger: logger)
        let writer = output ?? MessageWriter(fileDescriptor: STDOUT_FILENO)
        if options.discover {
            let catalog = try MarketoDiscovery(client: client).discover()
            try writer.writeRaw(Array((IndentedJSONText.string(from: catalog.json) + "\n").utf8))
            try writer.flush()
        } else if options.testMode != nil {
            try client.authenticate()
            let used = try client.usageToday()
            logger.info("connection OK: token fetched from \(configuration.identityURL); the subscription has made \(used) of max_daily_calls \(configuration.maxDailyCalls) calls today")
        } else if let catalogPath = options.catalogPath {
            let catalog = try Catalog(contentsOf: catalogPath)
            let state = try options.statePath.map { try State(contentsOf: $0, currentStreamKey: .currentlySyncing) }
                ?? State(currentStreamKey: .currentlySyncing)
            try MarketoSync(client: client, catalog: catalog, state: state, output: writer, logger: logger).run()
        } else {
            throw UsageError("nothing to do: pass --discover to write a catalog, --catalog (or --properties) "
                + "with an optional --state to sync, or --test to check the connection")
        }
    }
}
