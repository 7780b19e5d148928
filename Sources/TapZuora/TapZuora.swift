import Foundation
import Logging
import Singer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tap's entry point: `--discover` writes the catalog, `--test` checks the credentials
/// and API access, and with `--catalog` (or `--properties`) and `--state` it syncs.
///
/// ```swift
/// // Sources/tap-zuora/main.swift
/// await runConnector(TapZuora.description, options: TapOptions.self) { options, config in
///     try TapZuora.run(options: options, config: config)
/// }
/// ```
public enum TapZuora {
    /// Name, version, capabilities and settings, for `--about` and config validation.
    public static var description: ConnectorDescription { ZuoraConfiguration.description }

    /// Runs the mode `options` asks for, writing Singer output to `output` (stdout by default).
    public static func run(options: TapOptions, config: Config, output: MessageWriter? = nil) throws {
        let configuration = try ZuoraConfiguration(config)
        let logger = Logger(label: "tap-zuora")
        let client = ZuoraClient(configuration: configuration, logger: logger)
        let writer = output ?? MessageWriter(fileDescriptor: STDOUT_FILENO)
        if options.discover {
            let catalog = try ZuoraDiscovery(client: client, logger: logger).discover()
            try writer.writeRaw(Array((IndentedJSONText.string(from: catalog.json) + "\n").utf8))
            try writer.flush()
        } else if options.testMode != nil {
            let host = try client.host()
            let objects = try DescribeXML.objectNames(client.get("v1/describe").body)
            logger.info("connected to \(host): \(objects.count) objects described")
        } else if let catalogPath = options.catalogPath {
            let catalog = try Catalog(contentsOf: catalogPath)
            let state = try options.statePath.map { try State(contentsOf: $0, currentStreamKey: .currentStream) }
                ?? State(currentStreamKey: .currentStream)
            try ZuoraSync(client: client, catalog: catalog, state: state, output: writer, logger: logger).run()
        } else {
            throw UsageError("nothing to do: pass --discover to write a catalog, --catalog (or --properties) "
                + "with an optional --state to sync, or --test to check the connection")
        }
    }
}
