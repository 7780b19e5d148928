import Foundation
import Logging
import Singer

/// Discovery: `GET /v1/describe`, then each object's describe; in AQuA mode a one-row probe
/// job per object tells whether it can be queried and whether it supports deleted records.
/// An object that fails to describe or probe is reported and skipped, never fatal.
///
/// ```swift
/// let catalog = try ZuoraDiscovery(client: client, logger: logger).discover()
/// ```
public struct ZuoraDiscovery {
    /// What the AQuA probe says about an object.
    enum Availability: Equatable { case available(deleted: Bool), unavailable(String) }

    static let syntaxErrorMessage = "There is a syntax error in one of the queries in the AQuA input"
    static let noDeletedMessage = "Objects included in the queries do not support the querying of deleted records"

    let client: ZuoraClient
    let logger: Logger

    public init(client: ZuoraClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The catalog of every exportable object, in the order `/v1/describe` lists them.
    public func discover() throws -> Catalog {
        let names = try DescribeXML.objectNames(client.get("v1/describe").body)
        let builder = ZuoraCatalogBuilder(apiType: client.configuration.apiType)
        var entries: [CatalogEntry] = []
        var skipped: [String] = []
        for name in names {
            let object: ObjectDescription
            do {
                object = try DescribeXML.object(client.get("v1/describe/\(name)").body)
            } catch {
                logger.warning("skipping \(name): its describe failed: \(error)")
                skipped.append(name)
                continue
            }
            var deleted = false
            if client.configuration.apiType == .aqua {
                switch try probe(name) {
                case .available(let supportsDeleted): deleted = supportsDeleted
                case .unavailable(let reason):
                    logger.info("skipping \(name): AQuA cannot query it (\(reason))")
                    skipped.append(name)
                    continue
                }
            }
            guard let entry = builder.entry(for: object, deletedSupported: deleted) else {
                logger.info("skipping \(name): its Id cannot be exported")
                skipped.append(name)
                continue
            }
            entries.append(entry)
        }
        logger.info("discovered \(entries.count) streams; skipped \(skipped.count)\(skipped.isEmpty ? "" : ": " + skipped.joined(separator: ", "))")
        return Catalog(streams: entries)
    }

    /// Submits `select * from X limit 1` with a deleted section and cancels the job at once.
    /// Unlike the Python tap's probe (which never asks for deleted records, so every object
    /// gets `Deleted`), asking for them tells which objects really support it.
    func probe(_ name: String) throws -> Availability {
        let query: JSONValue = [
            "name": "discover", "query": .string("select * from \(name) limit 1"), "type": "zoqlexport",
            "deleted": ["column": "Deleted", "format": "Boolean"],
        ]
        let body: JSONValue = [
            "format": "csv", "version": "1.2", "name": "discover", "encrypted": "none", "useQueryLabels": "true",
            "dateTimeUtc": "true", "partner": .string(client.configuration.partnerID ?? ""), "project": "discover",
            "queries": [query],
        ]
        let response: JSONValue
        do {
            response = try client.postJSON("v1/batch-query/", body: body, repeatable: true)
        } catch let error as ZuoraError {
            return .unavailable(error.description)
        }
        if let id = response["id"]?.stringValue { _ = try? client.delete("v1/batch-query/jobs/\(id)") }
        guard let message = response["message"]?.stringValue, !message.isEmpty else { return .available(deleted: true) }
        if message.hasPrefix(Self.noDeletedMessage) || response["errorCode"]?.stringValue == "90017" { return .available(deleted: false) }
        return .unavailable(message)
    }
}
