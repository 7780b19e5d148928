import Foundation
import SalesforceSandbox
import Singer
import Testing
@testable import TapSalesforce

@Suite("Discovery and --test against the sandbox")
struct DiscoverySandboxTests {
    typealias Fixture = ClientSandboxFixture

    @Test func discoveryDescribesEveryQueryableObjectInCompositeBatches() async throws {
        try await Fixture.withSandbox { sandbox in
            let configuration = try Fixture.configuration(sandbox)
            let client = SalesforceClient(configuration: configuration, logger: Fixture.logger, timing: Fixture.instantTiming)
            let catalog = try await Fixture.offPool {
                try SalesforceDiscovery(client: client, configuration: configuration, logger: Fixture.logger).discover()
            }
            let names = Set(catalog.streams.map(\.tapStreamID))
            for expected in ["Account", "Contact", "Lead", "Opportunity", "OpportunityHistory", "User", "Campaign", "Task", "Event"] {
                #expect(names.contains(expected), "missing \(expected)")
            }
            #expect(!names.contains { $0.hasSuffix("ChangeEvent") })
            let opportunity = try #require(catalog["Opportunity"])
            #expect(opportunity.metadata.root.replicationKey == "SystemModstamp")
            #expect(opportunity.metadata.root.replicationMethod == "INCREMENTAL")
            #expect(opportunity.metadata[.property("Id")]?.inclusion == .automatic)
            #expect(opportunity.metadata[.property("Amount")]?["sf-type"] == "currency")
            let describes = sandbox.requestLog.filter { $0.path.hasSuffix("/describe") }
            let batches = sandbox.requestLog.filter { $0.path.hasSuffix("/composite/batch") }
            #expect(describes.isEmpty)
            #expect(batches.count == (catalog.streams.count + 24) / 25)
        }
    }

    @Test func activityFieldHistoryWithItsUnfilterableSystemModstampIsFullTable() async throws {
        try await Fixture.withSandbox { sandbox in
            let configuration = try Fixture.configuration(sandbox, extra: ["streams_to_discover": ["ActivityFieldHistory"]])
            let client = SalesforceClient(configuration: configuration, logger: Fixture.logger, timing: Fixture.instantTiming)
            let catalog = try await Fixture.offPool {
                try SalesforceDiscovery(client: client, configuration: configuration, logger: Fixture.logger).discover()
            }
            let history = try #require(catalog["ActivityFieldHistory"])
            #expect(history.metadata.root.replicationKey == nil)
            #expect(history.metadata.root.forcedReplicationMethod == "FULL_TABLE")
            #expect(catalog.streams.count == 1)
        }
    }

    @Test func discoverWritesTheCatalogAndTestChecksAccessThroughTheRunner() async throws {
        try await Fixture.withSandbox { sandbox in
            let configPath = try Fixture.configFile(Fixture.configValues(sandbox, grant: .password))
            let catalogPath = configPath + ".catalog"
            defer {
                try? FileManager.default.removeItem(atPath: configPath)
                try? FileManager.default.removeItem(atPath: catalogPath)
            }
            let runner = ConnectorRunner(description: TapSalesforce.description, environment: [:], dotEnvPath: nil)

            let discover = await runner.run(TapOptions.self, arguments: ["--config", configPath, "--discover"]) { options, config in
                try await Fixture.offPool {
                    let fd = open(catalogPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                    defer { close(fd) }
                    try TapSalesforce.run(options: options, config: config, output: MessageWriter(fileDescriptor: fd))
                }
            }
            #expect(discover == .success)
            let catalog = try Catalog(contentsOf: catalogPath)
            #expect(catalog["Account"] != nil)

            let test = await runner.run(TapOptions.self, arguments: ["--config", configPath, "--test"]) { options, config in
                try await Fixture.offPool { try TapSalesforce.run(options: options, config: config) }
            }
            #expect(test == .success)

            var wrong = Fixture.configValues(sandbox, grant: .password)
            wrong["security_token"] = "WRONG"
            let wrongPath = try Fixture.configFile(wrong)
            defer { try? FileManager.default.removeItem(atPath: wrongPath) }
            let rejected = await runner.run(TapOptions.self, arguments: ["--config", wrongPath, "--test"]) { options, config in
                try await Fixture.offPool { try TapSalesforce.run(options: options, config: config) }
            }
            #expect(rejected == .usage)
        }
    }
}
