import Foundation
import Singer
@testable import TapZuora

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Catalog entries and an in-memory Singer output for the sync unit tests.
enum SyncFixtures {
    /// Account as discovered from `DiscoveryCatalogTests.account`, with `selected` fields.
    static func accountEntry(apiType: ZuoraConfiguration.APIType = .aqua, selecting fields: [String]) throws -> CatalogEntry {
        let object = try DescribeXML.object(Data(DiscoveryCatalogTests.account.utf8))
        guard var entry = ZuoraCatalogBuilder(apiType: apiType).entry(for: object, deletedSupported: true) else {
            throw DescribeXML.ParseError(reason: "no entry")
        }
        entry.metadata.set("selected", true, at: .stream)
        for field in fields { entry.metadata.set("selected", true, at: .property(field)) }
        return entry
    }

    /// Runs `body` with a writer whose output is returned as parsed messages.
    static func capture(_ body: (MessageWriter) throws -> Void) throws -> [JSONValue] {
        let path = NSTemporaryDirectory() + "tap-zuora-\(UUID().uuidString).jsonl"
        let descriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        defer { unlink(path) }
        let writer = MessageWriter(fileDescriptor: descriptor)
        do {
            try body(writer)
            try writer.flush()
        } catch {
            close(descriptor)
            throw error
        }
        close(descriptor)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            var parser = JSONParser()
            return try parser.parse(String(line))
        }
    }
}
