import Testing

@testable import Singer

/// Both documented selection rules, case by case.
@Suite struct SelectionRuleTests {
    private let schema: JSONValue = [
        "type": "object",
        "properties": [
            "Id": ["type": "string"],
            "Name": ["type": ["null", "string"]],
            "Secret": ["type": ["null", "string"]],
            "address": ["type": "object", "properties": ["city": ["type": "string"], "zip": ["type": "string"]]],
        ],
        "required": ["Id", "Secret"],
    ]

    private func entry(_ entries: [(Breadcrumb, JSONObject)], schema: JSONValue? = nil) -> CatalogEntry {
        CatalogEntry(
            stream: "Account", schema: schema ?? self.schema,
            metadata: Metadata(entries.map { MetadataEntry(breadcrumb: $0.0, values: $0.1) }))
    }

    @Test func emptyMetadataSelectsEverythingUnderSDKButNothingUnderSingerIO() {
        let bare = entry([])
        #expect(bare.isSelected(rule: .sdk))
        #expect(bare.selectedProperties(rule: .sdk) == ["Id", "Name", "Secret", "address"])
        #expect(!bare.isSelected(rule: .singerIO))
        #expect(bare.selectedProperties(rule: .singerIO).isEmpty)
    }

    @Test func singerIOStreamNeedsRootSelectedTrue() {
        #expect(!entry([(.stream, ["selected-by-default": true])]).isSelected(rule: .singerIO))
        #expect(!entry([(.stream, ["selected": false])]).isSelected(rule: .singerIO))
        #expect(entry([(.stream, ["selected": true])]).isSelected(rule: .singerIO))
    }

    @Test func legacySchemaSelectedSelectsStreamUnderSingerIO() {
        var legacySchema = schema
        legacySchema["selected"] = true
        legacySchema["properties"]?["Name"]?["selected"] = true
        legacySchema["properties"]?["Id"]?["inclusion"] = "automatic"
        let legacy = entry([], schema: legacySchema)
        #expect(legacy.isSelected(rule: .singerIO))
        #expect(legacy.selectedProperties(rule: .singerIO) == ["Id", "Name"])
    }

    @Test func unsupportedAndAutomaticOverrideSelectedUnderBothRules() {
        let account = entry([
            (.stream, ["selected": true]),
            (.property("Id"), ["inclusion": "automatic", "selected": false]),
            (.property("Secret"), ["inclusion": "unsupported", "selected": true]),
            (.property("Name"), ["inclusion": "available", "selected": true]),
        ])
        for rule in SelectionRule.allCases {
            #expect(account.isFieldSelected(.property("Id"), rule: rule), "\(rule)")
            #expect(!account.isFieldSelected(.property("Secret"), rule: rule), "\(rule)")
            #expect(account.isFieldSelected(.property("Name"), rule: rule), "\(rule)")
        }
    }

    @Test func selectedByDefaultAppliesOnlyWithoutAnExplicitChoice() {
        let account = entry([
            (.stream, ["selected": true]),
            (.property("Name"), ["inclusion": "available", "selected-by-default": true]),
            (.property("Secret"), ["inclusion": "available", "selected-by-default": true, "selected": false]),
            (.property("Id"), ["inclusion": "available"]),
        ])
        for rule in SelectionRule.allCases {
            #expect(account.isFieldSelected(.property("Name"), rule: rule), "\(rule)")
            #expect(!account.isFieldSelected(.property("Secret"), rule: rule), "\(rule)")
        }
        // With nothing said, singer-python emits nothing; the SDK follows the (selected) parent.
        #expect(!account.isFieldSelected(.property("Id"), rule: .singerIO))
        #expect(account.isFieldSelected(.property("Id"), rule: .sdk))
    }

    @Test func deselectedParentDeselectsChildrenUnderSDK() {
        let deselectedStream = entry([
            (.stream, ["selected": false]),
            (.property("Id"), ["inclusion": "automatic"]),
        ])
        #expect(!deselectedStream.isSelected(rule: .sdk))
        #expect(!deselectedStream.isFieldSelected(.property("Id"), rule: .sdk))

        let deselectedObject = entry([
            (.stream, ["selected": true]),
            (.property("address"), ["selected": false]),
            (.property("address", "city"), ["inclusion": "automatic"]),
        ])
        #expect(!deselectedObject.isFieldSelected(.property("address", "city"), rule: .sdk))
        #expect(!deselectedObject.isFieldSelected(.property("address", "city"), rule: .singerIO))
    }

    @Test func nestedFieldWithoutMetadataFollowsItsParent() {
        let account = entry([
            (.stream, ["selected": true]),
            (.property("address"), ["selected": true]),
            (.property("address", "zip"), ["selected": false]),
        ])
        for rule in SelectionRule.allCases {
            #expect(account.isFieldSelected(.property("address", "city"), rule: rule), "\(rule)")
            #expect(!account.isFieldSelected(.property("address", "zip"), rule: rule), "\(rule)")
        }
    }

    @Test func sdkCountsAStreamWithoutRootMetadataAsSelected() {
        let account = entry([(.property("Name"), ["selected": false])])
        #expect(account.isSelected(rule: .sdk))
        #expect(!account.isFieldSelected(.property("Name"), rule: .sdk))
        #expect(account.isFieldSelected(.property("Id"), rule: .sdk))
    }

    @Test func selectedSchemaKeepsOnlySelectedPropertiesAndTrimsRequired() {
        let account = entry([
            (.stream, ["selected": true]),
            (.property("Id"), ["inclusion": "automatic"]),
            (.property("Secret"), ["inclusion": "unsupported"]),
            (.property("address"), ["selected": true]),
            (.property("address", "zip"), ["selected": false]),
        ])
        let trimmed = account.selectedSchema(rule: .singerIO)
        #expect(trimmed["properties"]?.objectValue?.keys == ["Id", "address"])
        #expect(trimmed["properties"]?["address"]?["properties"]?.objectValue?.keys == ["city"])
        #expect(trimmed["required"] == ["Id"])
        #expect(trimmed["type"] == "object")
    }

    @Test func catalogSelectsStreamsInOrderPerRule() {
        let catalog = Catalog(streams: [
            CatalogEntry(stream: "a", schema: [:]),
            CatalogEntry(stream: "b", schema: [:], metadata: Metadata([MetadataEntry(breadcrumb: .stream, values: ["selected": true])])),
            CatalogEntry(stream: "c", schema: [:], metadata: Metadata([MetadataEntry(breadcrumb: .stream, values: ["selected": false])])),
        ])
        #expect(catalog.selectedEntries(rule: .singerIO).map(\.stream) == ["b"])
        #expect(catalog.selectedEntries(rule: .sdk).map(\.stream) == ["a", "b"])
    }
}
