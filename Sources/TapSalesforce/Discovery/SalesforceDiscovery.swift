import Foundation
import HTTP
import Logging
import Singer

/// `--discover`: describe global, then describes in composite batches of 25, then the catalog.
///
/// Objects that cannot be queried are reported and left out; a describe that fails is
/// reported and skipped, never fatal.
///
/// ```swift
/// let catalog = try SalesforceDiscovery(client: client, configuration: configuration, logger: logger).discover()
/// ```
public struct SalesforceDiscovery {
    /// Composite batch requests hold at most 25 subrequests.
    public static let batchSize = 25

    let client: SalesforceClient
    let configuration: SalesforceConfiguration
    let logger: Logger

    public init(client: SalesforceClient, configuration: SalesforceConfiguration, logger: Logger) {
        self.client = client
        self.configuration = configuration
        self.logger = logger
    }

    /// The catalog of every queryable object (or of `streams_to_discover`), in describe-global order.
    public func discover() throws -> Catalog {
        let summaries = SObjectSummary.list(from: try client.getJSON(client.dataPath + "/sobjects"))
        let names = selectNames(from: summaries)
        logger.info("Describing \(names.count) of \(summaries.count) objects")
        let descriptions = try describe(names)
        let customSettings = Set(summaries.filter(\.customSetting).map(\.name))
        let builder = CatalogBuilder(apiType: configuration.apiType, selectFieldsByDefault: configuration.selectFieldsByDefault)
        var streams: [CatalogEntry] = []
        var withoutKey: [String] = []
        for description in descriptions {
            if Self.isTagOfCustomSetting(description, customSettings: customSettings) {
                logger.info("Skipping \(description.name): tags of a custom setting cannot be queried")
                continue
            }
            guard let entry = builder.entry(for: description) else {
                withoutKey.append(description.name)
                continue
            }
            streams.append(entry)
        }
        if !withoutKey.isEmpty {
            logger.info("Skipping \(withoutKey.count) objects without an Id field: \(withoutKey.joined(separator: ", "))")
        }
        logger.info("Discovered \(streams.count) streams")
        return Catalog(streams: streams)
    }

    /// The names to describe, logging what is left out and why.
    func selectNames(from summaries: [SObjectSummary]) -> [String] {
        var notQueryable: [String] = []
        var skipped: [String: [String]] = [:]
        var names: [String] = []
        let wanted = configuration.streamsToDiscover.map(Set.init)
        for summary in summaries {
            if let wanted, !wanted.contains(summary.name) { continue }
            guard summary.queryable else {
                notQueryable.append(summary.name)
                continue
            }
            if let reason = ExcludedObjects.reasonToSkip(summary.name) {
                skipped[reason, default: []].append(summary.name)
                continue
            }
            names.append(summary.name)
        }
        if !notQueryable.isEmpty {
            logger.info("Skipping \(notQueryable.count) objects that are not queryable: \(notQueryable.joined(separator: ", "))")
        }
        for (reason, objects) in skipped.sorted(by: { $0.key < $1.key }) {
            logger.info("Skipping \(objects.count) objects (\(reason)): \(objects.joined(separator: ", "))")
        }
        if let wanted {
            let missing = wanted.subtracting(summaries.map(\.name)).sorted()
            if !missing.isEmpty {
                logger.warning("streams_to_discover names objects this org does not have: \(missing.joined(separator: ", "))")
            }
        }
        return names
    }

    /// Describes `names` in composite batches; falls back to one request per object when the
    /// org (or a test server) does not offer composite batch.
    func describe(_ names: [String]) throws -> [SObjectDescription] {
        var results: [SObjectDescription] = []
        results.reserveCapacity(names.count)
        var batchUnavailable = false
        var start = 0
        while start < names.count {
            let chunk = Array(names[start..<min(start + Self.batchSize, names.count)])
            start += chunk.count
            if !batchUnavailable {
                do {
                    results += try describeBatch(chunk)
                    continue
                } catch let error as SalesforceError where [400, 404, 405, 501].contains(error.status ?? 0) && results.isEmpty {
                    logger.warning("Composite batch describe is not available (\(error)); describing objects one by one")
                    batchUnavailable = true
                }
            }
            for name in chunk {
                do {
                    let json = try client.getJSON(describePath(name))
                    if let description = SObjectDescription(json: json) { results.append(description) }
                } catch let error as SalesforceError where error.status != nil {
                    logger.warning("Skipping \(name): its describe failed: \(error)")
                }
            }
        }
        return results
    }

    private func describePath(_ name: String) -> String {
        client.dataPath + "/sobjects/" + URLQuery.percentEncoded(name) + "/describe"
    }

    /// One `POST …/composite/batch` of describe subrequests; failed ones are reported and skipped.
    func describeBatch(_ names: [String]) throws -> [SObjectDescription] {
        let requests: [JSONValue] = names.map { ["method": "GET", "url": .string(describePath($0))] }
        let body: JSONValue = ["batchRequests": .array(requests), "haltOnError": false]
        let response = try client.send(HTTPRequest(
            method: .post, url: client.dataPath + "/composite/batch",
            headers: ["Content-Type": "application/json", "Accept": "application/json"],
            body: Data(JSONWriter.string(from: body).utf8),
            // Describes only read, so the batch may be sent again after a failure.
            isIdempotent: true))
        let json = try SalesforceClient.json(response.body, endpoint: client.dataPath + "/composite/batch")
        guard let results = json["results"]?.arrayValue else {
            throw SalesforceError.unexpectedResponse(endpoint: client.dataPath + "/composite/batch", reason: "no results array")
        }
        var descriptions: [SObjectDescription] = []
        for (index, result) in results.enumerated() {
            let name = index < names.count ? names[index] : "subrequest \(index)"
            let status = result["statusCode"]?.intValue ?? 0
            guard (200..<300).contains(status), let inner = result["result"], let description = SObjectDescription(json: inner) else {
                let detail = result["result"].map { SalesforceErrorBody(Data(JSONWriter.string(from: $0).utf8)) }
                let reason = detail.map { " \($0.errorCode): \($0.message)" } ?? ""
                logger.warning("Skipping \(name): its describe failed with HTTP \(status)\(reason)")
                continue
            }
            descriptions.append(description)
        }
        return descriptions
    }

    /// `…__Tag` objects whose `Item` points at a custom setting cannot be queried (singer-io PR #7).
    static func isTagOfCustomSetting(_ object: SObjectDescription, customSettings: Set<String>) -> Bool {
        guard object.name.hasSuffix("__Tag"), let item = object.fields.first(where: { $0.relationshipName == "Item" }) else {
            return false
        }
        return item.referenceTo.contains { customSettings.contains($0) }
    }
}
