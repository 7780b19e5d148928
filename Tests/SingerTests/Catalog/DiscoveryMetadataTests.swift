import Testing

@testable import Singer

/// The metadata a tap writes at discovery, and carrying a user's choices onto a new discovery.
@Suite struct DiscoveryMetadataTests {
    private let schema: JSONValue = [
        "type": "object",
        "properties": [
            "Id": ["type": "string"],
            "Name": ["type": ["null", "string"]],
            "BillingAddress": ["type": ["null", "object"], "properties": ["City": ["type": ["null", "string"]]]],
            "SystemModstamp": ["type": "string", "format": "date-time"],
        ],
    ]

    @Test func standardMetadataMatchesTheSDKShape() {
        let metadata = Metadata.standard(
            schema: schema, keyProperties: ["Id"], validReplicationKeys: ["SystemModstamp"],
            selected: true, selectedByDefault: true, unsupportedFields: ["BillingAddress"])
        #expect(JSONWriter.string(from: metadata.json)
            == #"[{"breadcrumb":[],"metadata":{"inclusion":"available","selected":true,"selected-by-default":true,"table-key-properties":["Id"],"valid-replication-keys":["SystemModstamp"]}},"#
            + #"{"breadcrumb":["properties","Id"],"metadata":{"inclusion":"automatic"}},"#
            + #"{"breadcrumb":["properties","Name"],"metadata":{"inclusion":"available"}},"#
            + #"{"breadcrumb":["properties","BillingAddress"],"metadata":{"inclusion":"unsupported"}},"#
            + #"{"breadcrumb":["properties","BillingAddress","properties","City"],"metadata":{"inclusion":"available"}},"#
            + #"{"breadcrumb":["properties","SystemModstamp"],"metadata":{"inclusion":"automatic"}}]"#)
    }

    @Test func forcedFullTableStreamHasNoReplicationKeysAndFieldsSelectedByDefault() {
        let metadata = Metadata.standard(
            schema: ["properties": ["Id": [:], "Name": [:]]], keyProperties: ["Id"],
            forcedReplicationMethod: .fullTable, fieldsSelectedByDefault: true)
        #expect(metadata.root.forcedReplicationMethod == "FULL_TABLE")
        #expect(metadata.root.validReplicationKeys == nil)
        #expect(metadata[.property("Name")]?.selectedByDefault == true)
        #expect(metadata[.property("Id")]?.inclusion == .automatic)
    }

    @Test func discoveredEntryCarriesTopLevelKeysAndResolves() throws {
        let entry = CatalogEntry.discovered(
            stream: "Account", schema: schema, keyProperties: ["Id"], replicationKey: "SystemModstamp")
        #expect(entry.topLevelKeyProperties == ["Id"])
        #expect(entry.topLevelReplicationKey == "SystemModstamp")
        #expect(entry.topLevelReplicationMethod == "INCREMENTAL")
        #expect(try entry.resolvedReplication() == ResolvedReplication(method: .incremental, key: "SystemModstamp"))
        #expect(entry.json.objectValue?.keys == [
            "tap_stream_id", "stream", "schema", "metadata", "key_properties", "replication_key", "replication_method",
        ])
        // singer-io rule: discovery selects nothing; the user must.
        #expect(!entry.isSelected(rule: .singerIO))
    }

    @Test func mergingCarriesUserSelectionsAndUnknownKeysOntoNewDiscovery() throws {
        var old = CatalogEntry.discovered(stream: "Account", schema: schema, keyProperties: ["Id"], replicationKey: "SystemModstamp")
        old.metadata.root.selected = true
        old.metadata.root.replicationMethod = "FULL_TABLE"
        old.metadata.root["ui.owner"] = "finance"
        old.metadata.root.inclusion = .unsupported  // discoverable: the new discovery wins
        old.metadata[.property("Name")]?.selected = false
        old.metadata[.property("Name")]?["pii"] = true
        old.metadata.set("selected", true, at: .property("Gone"))
        old.streamAlias = "accounts"
        old["x-ui-color"] = "blue"
        let oldCatalog = Catalog(streams: [old, CatalogEntry(stream: "Dropped", schema: [:])])

        var newSchema = schema
        newSchema["properties"]?["Industry"] = ["type": ["null", "string"]]
        var fresh = CatalogEntry.discovered(stream: "Account", schema: newSchema, keyProperties: ["Id"], replicationKey: "SystemModstamp")
        fresh.metadata[.property("Name")]?["pii"] = false  // a tap's own key: fresh value wins
        let merged = Catalog(streams: [fresh, CatalogEntry(stream: "Contact", schema: [:])])
            .merging(userSelectionsFrom: oldCatalog)

        let account = try #require(merged["Account"])
        #expect(account.metadata.root.selected == true)
        #expect(account.metadata.root.replicationMethod == "FULL_TABLE")
        #expect(account.metadata.root["ui.owner"] == "finance")
        #expect(account.metadata.root.inclusion == .available)
        #expect(account.metadata[.property("Name")]?.selected == false)
        #expect(account.metadata[.property("Name")]?["pii"] == false)
        #expect(account.metadata[.property("Industry")]?.inclusion == .available)
        #expect(account.metadata[.property("Gone")] == nil)
        #expect(account.streamAlias == "accounts")
        #expect(account["x-ui-color"] == "blue")
        #expect(merged.streams.map(\.stream) == ["Account", "Contact"])
        #expect(try account.resolvedReplication().method == .fullTable)
    }

    @Test func mergingTurnsLegacySchemaSelectionIntoMetadata() throws {
        let old = CatalogEntry(stream: "leads", schema: ["selected": true, "properties": [:]])
        let fresh = CatalogEntry.discovered(stream: "leads", schema: ["properties": ["id": [:]]], keyProperties: ["id"])
        let merged = Catalog(streams: [fresh]).merging(userSelectionsFrom: Catalog(streams: [old]))
        #expect(try #require(merged["leads"]).isSelected(rule: .singerIO))
    }
}
