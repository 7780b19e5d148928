import Singer
import Testing
@testable import TapSalesforce

@Suite("Discovery: catalog from describe results")
struct DiscoveryCatalogTests {
    static let rest = CatalogBuilder(apiType: .rest, selectFieldsByDefault: false)

    static func property(_ entry: CatalogEntry, _ name: String) -> JSONValue? {
        entry.schema["properties"]?[name]
    }

    @Test func scalarTypesMapAndEverythingButIdIsNullable() throws {
        let entry = try #require(Self.rest.entry(for: DiscoveryFixtures.opportunity))
        #expect(Self.property(entry, "Id") == ["type": "string"])
        #expect(Self.property(entry, "IsDeleted") == ["type": ["null", "boolean"]])
        #expect(Self.property(entry, "Name") == ["type": ["null", "string"]])   // nillable: false is not trusted
        #expect(Self.property(entry, "AccountId") == ["type": ["null", "string"]])
        #expect(Self.property(entry, "Amount") == ["type": ["null", "number"]])
        #expect(Self.property(entry, "Probability") == ["type": ["null", "number"]])
        #expect(Self.property(entry, "FiscalYear") == ["type": ["null", "integer"]])
        #expect(Self.property(entry, "NextStepTime__c") == ["type": ["null", "string"]])
        #expect(Self.property(entry, "CloseDate") == ["type": ["null", "string"], "format": "date"])
        #expect(Self.property(entry, "SystemModstamp") == ["type": ["null", "string"], "format": "date-time"])
        #expect(Self.property(entry, "Anything__c") == [:])
        #expect(entry.schema["type"] == "object")
        #expect(entry.schema["additionalProperties"] == false)
        #expect(entry.propertyNames.first == "Id")
        #expect(entry.propertyNames.count == DiscoveryFixtures.opportunity.fields.count)
    }

    @Test func compoundFieldsAreNullableObjectsWithTheirComponents() throws {
        let entry = try #require(Self.rest.entry(for: DiscoveryFixtures.opportunity))
        let address = try #require(Self.property(entry, "Delivery__c"))
        #expect(address["type"] == ["null", "object"])
        #expect(address["properties"]?["city"] == ["type": ["null", "string"]])
        #expect(address["properties"]?["latitude"] == ["type": ["null", "number"]])
        #expect(address["properties"]?["countryCode"] == ["type": ["null", "string"]])
        let location = try #require(Self.property(entry, "Site__c"))
        #expect(location["properties"]?.objectValue?.keys == ["latitude", "longitude"])
        #expect(entry.metadata[.property("Delivery__c")]?.inclusion == .available)
    }

    @Test func binaryJSONAndUnknownTypesAreUnsupportedWithAReason() throws {
        let entry = try #require(Self.rest.entry(for: DiscoveryFixtures.opportunity))
        for name in ["Contract__c", "Payload__c", "Mystery__c"] {
            let field = try #require(entry.metadata[.property(name)])
            #expect(field.inclusion == .unsupported, "\(name)")
            #expect(field["unsupported-description"]?.stringValue?.isEmpty == false, "\(name)")
            #expect(field.selectedByDefault == nil)
        }
        #expect(entry.metadata[.property("Mystery__c")]?["unsupported-description"]?.stringValue?.contains("hologram") == true)
    }

    @Test func rootMetadataCarriesKeysAndAnIncrementalReplicationKey() throws {
        let entry = try #require(Self.rest.entry(for: DiscoveryFixtures.opportunity))
        let root = entry.metadata.root
        #expect(root.tableKeyProperties == ["Id"])
        #expect(root.validReplicationKeys == ["SystemModstamp"])
        #expect(root.replicationKey == "SystemModstamp")
        #expect(root.replicationMethod == "INCREMENTAL")
        #expect(root.forcedReplicationMethod == nil)
        #expect(root.selected == nil)
        #expect(entry.tapStreamID == "Opportunity" && entry.stream == "Opportunity")
        #expect(entry.topLevelKeyProperties == ["Id"])
    }

    @Test func idAndReplicationKeyAreAutomaticAndFieldsCarryTheirSalesforceType() throws {
        let entry = try #require(Self.rest.entry(for: DiscoveryFixtures.opportunity))
        #expect(entry.metadata[.property("Id")]?.inclusion == .automatic)
        #expect(entry.metadata[.property("SystemModstamp")]?.inclusion == .automatic)
        #expect(entry.metadata[.property("LastModifiedDate")]?.inclusion == .available)
        #expect(entry.metadata[.property("Amount")]?["sf-type"] == "currency")
        #expect(entry.metadata[.property("CloseDate")]?["sf-type"] == "date")
        #expect(entry.metadata[.property("Amount")]?.selectedByDefault == nil)
    }

    @Test func selectFieldsByDefaultMarksSupportedFieldsOnly() throws {
        let builder = CatalogBuilder(apiType: .rest, selectFieldsByDefault: true)
        let entry = try #require(builder.entry(for: DiscoveryFixtures.opportunity))
        #expect(entry.metadata[.property("Amount")]?.selectedByDefault == true)
        #expect(entry.metadata[.property("Id")]?.selectedByDefault == true)
        #expect(entry.metadata[.property("Contract__c")]?.selectedByDefault == nil)
    }

    @Test func unfilterableKeyIsSkippedForTheNextCandidate() throws {
        #expect(CatalogBuilder.replicationKey(for: DiscoveryFixtures.unfilterableModstamp) == "CreatedDate")
    }

    @Test func objectWithoutTimestampsIsForcedFullTable() throws {
        let entry = try #require(Self.rest.entry(for: DiscoveryFixtures.noTimestamps))
        #expect(entry.metadata.root.forcedReplicationMethod == "FULL_TABLE")
        #expect(entry.metadata.root.replicationKey == nil)
        #expect(entry.metadata.root.validReplicationKeys == nil)
    }

    @Test func knownEventObjectsAreForcedFullTable() {
        let loginEvent = SObjectDescription(name: "LoginEvent", fields: [
            .init(name: "Id", type: "id"), .init(name: "CreatedDate", type: "datetime"),
        ])
        #expect(CatalogBuilder.replicationKey(for: loginEvent) == nil)
        #expect(ExcludedObjects.isForcedFullTable("AuditTrailEventStore"))
    }

    @Test func loginHistoryUsesLoginTime() {
        #expect(CatalogBuilder.replicationKey(for: DiscoveryFixtures.loginHistory) == "LoginTime")
    }

    @Test func objectsWithoutIdAreLeftOut() {
        #expect(Self.rest.entry(for: DiscoveryFixtures.noId) == nil)
    }

    @Test func bulkModeMarksCompoundFieldsUnsupportedExceptOnObjectsSyncedThroughREST() throws {
        let bulk = CatalogBuilder(apiType: .bulk, selectFieldsByDefault: true)
        let entry = try #require(bulk.entry(for: DiscoveryFixtures.opportunity))
        for name in ["Delivery__c", "Site__c"] {
            #expect(entry.metadata[.property(name)]?.inclusion == .unsupported, "\(name)")
            #expect(entry.metadata[.property(name)]?.selectedByDefault == nil)
        }
        var restOnly = DiscoveryFixtures.opportunity
        restOnly.name = "RecentlyViewed"
        let fallback = try #require(bulk.entry(for: restOnly))
        #expect(fallback.metadata[.property("Delivery__c")]?.inclusion == .available)
    }

    @Test func changeEventsAndQueryRestrictedObjectsAreSkipped() {
        #expect(ExcludedObjects.reasonToSkip("AccountChangeEvent") != nil)
        #expect(ExcludedObjects.reasonToSkip("ContentDocumentLink") != nil)
        #expect(ExcludedObjects.reasonToSkip("AggregateResult") != nil)
        #expect(ExcludedObjects.reasonToSkip("Opportunity") == nil)
    }

    @Test func tagsOfCustomSettingsAreRecognised() {
        #expect(SalesforceDiscovery.isTagOfCustomSetting(DiscoveryFixtures.tagOfCustomSetting, customSettings: ["Settings__c"]))
        #expect(!SalesforceDiscovery.isTagOfCustomSetting(DiscoveryFixtures.tagOfCustomSetting, customSettings: []))
    }

    @Test func describeGlobalListKeepsQueryableAndCustomSettingFlags() throws {
        var parser = JSONParser()
        let json = try parser.parse(#"""
            {"encoding":"UTF-8","maxBatchSize":200,"sobjects":[
              {"name":"Account","queryable":true,"customSetting":false},
              {"name":"Settings__c","queryable":true,"customSetting":true},
              {"name":"AccountFeedHidden","queryable":false}]}
            """#)
        let list = SObjectSummary.list(from: json)
        #expect(list.map(\.name) == ["Account", "Settings__c", "AccountFeedHidden"])
        #expect(list.map(\.queryable) == [true, true, false])
        #expect(list[1].customSetting)
    }

    @Test func catalogJSONRoundTripsThroughTheCoreReader() throws {
        let entry = try #require(Self.rest.entry(for: DiscoveryFixtures.opportunity))
        let catalog = Catalog(streams: [entry])
        var parser = JSONParser()
        let reread = try Catalog(json: parser.parse(IndentedJSONText.string(from: catalog.json)))
        #expect(reread == catalog)
        #expect(reread["Opportunity"]?.metadata.root.replicationKey == "SystemModstamp")
    }
}
