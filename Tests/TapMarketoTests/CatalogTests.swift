import Singer
import Testing
@testable import TapMarketo

/// Fixtures written from Marketo's documented answers (leads/describe.json, activities/types.json).
@Suite struct CatalogTests {
    static let describe: JSONValue = [
        ["id": 2, "displayName": "Company Name", "dataType": "string", "length": 255,
         "rest": ["name": "company", "readOnly": false], "soap": ["name": "Company", "readOnly": false]],
        ["id": 1, "displayName": "Id", "dataType": "integer", "rest": ["name": "id", "readOnly": true]],
        ["id": 3, "displayName": "Created At", "dataType": "datetime", "rest": ["name": "createdAt", "readOnly": true]],
        ["id": 4, "displayName": "Updated At", "dataType": "datetime", "rest": ["name": "updatedAt", "readOnly": true]],
        ["id": 5, "displayName": "Annual Revenue", "dataType": "currency", "rest": ["name": "annualRevenue"]],
        ["id": 6, "displayName": "Lead Score", "dataType": "score", "rest": ["name": "leadScore"]],
        ["id": 7, "displayName": "Unsubscribed", "dataType": "boolean", "rest": ["name": "unsubscribed"]],
        ["id": 8, "displayName": "Date of Birth", "dataType": "date", "rest": ["name": "dateOfBirth"]],
        ["id": 9, "displayName": "Cookies", "dataType": "array", "rest": ["name": "cookies"]],
        ["id": 10, "displayName": "SOAP only", "dataType": "string", "soap": ["name": "SoapOnly"]],
        ["id": 11, "displayName": "Odd", "dataType": "formula", "rest": ["name": "odd"]],
    ]
    static let types: JSONValue = [
        ["id": 1, "name": "Visit Webpage", "description": "User visits a web page",
         "primaryAttribute": ["name": "Webpage ID", "dataType": "integer"],
         "attributes": [["name": "Client IP Address", "dataType": "string"], ["name": "Query Parameters", "dataType": "string"],
                        ["name": "Is Mobile", "dataType": "boolean"]]],
        ["id": 37, "name": "Delete Lead", "primaryAttribute": ["name": "Lead ID", "dataType": "integer"], "attributes": []],
        ["id": 46, "name": "Interesting Moment", "attributes": [["name": "Date", "dataType": "datetime"]]],
        ["id": 99, "name": "visit webpage", "attributes": []],
    ]

    static var catalog: Catalog {
        MarketoCatalog.build(leadFields: describe.arrayValue ?? [], activityTypes: types.arrayValue ?? [])
    }

    @Test func streamsComeInThePythonTapsOrderWithDeletedLeadsLast() {
        #expect(Self.catalog.streams.map(\.tapStreamID) == [
            "leads", "activity_types", "activities_visit_webpage", "activities_interesting_moment",
            "activities_visit_webpage_99", "campaigns", "lists", "programs", "deleted_leads",
        ])
    }

    @Test func leadFieldsAreTypedFromTheDescribe() throws {
        let leads = try #require(Self.catalog["leads"])
        let properties = try #require(leads.schema["properties"])
        #expect(properties["company"] == ["type": ["null", "string"]])
        #expect(properties["id"] == ["type": "integer"])
        #expect(properties["updatedAt"] == ["type": "string", "format": "date-time"])
        #expect(properties["annualRevenue"] == ["type": ["null", "number"]])
        #expect(properties["leadScore"] == ["type": ["null", "integer"]])
        #expect(properties["unsubscribed"] == ["type": ["null", "boolean"]])
        #expect(properties["dateOfBirth"] == ["type": ["null", "string"], "format": "date-time"])
        #expect(properties["cookies"]?["items"] == ["type": ["integer", "number", "string", "null"]])
        #expect(properties["odd"] == ["type": ["null", "string"]])
        #expect(properties["SoapOnly"] == nil)
    }

    @Test func leadsMetadataCarriesKeyReplicationAndInclusion() throws {
        let leads = try #require(Self.catalog["leads"])
        let root = leads.metadata.root
        #expect(root.tableKeyProperties == ["id"])
        #expect(root.forcedReplicationMethod == "INCREMENTAL")
        #expect(root.replicationKey == "updatedAt")
        #expect(root.replicationMethod == "INCREMENTAL")
        #expect(leads.metadata[.property("id")]?.inclusion == .automatic)
        #expect(leads.metadata[.property("updatedAt")]?.inclusion == .automatic)
        #expect(leads.metadata[.property("company")]?.inclusion == .available)
        #expect(try leads.resolvedReplication() == ResolvedReplication(method: .incremental, key: "updatedAt"))
    }

    @Test func activityStreamsCarryTypeIDPrimaryAttributeAndCleanedAttributes() throws {
        let visits = try #require(Self.catalog["activities_visit_webpage"])
        #expect(visits.metadata.root["marketo.activity-id"] == 1)
        #expect(visits.metadata.root["marketo.primary-attribute-name"] == "webpage_id")
        #expect(visits.metadata.root.tableKeyProperties == ["marketoGUID"])
        #expect(visits.replicationKey == "activityDate")
        #expect(try visits.resolvedReplication().method == .incremental)
        let names = visits.propertyNames
        #expect(names.starts(with: ["marketoGUID", "leadId", "activityDate", "activityTypeId", "campaignId",
                                    "primary_attribute_value", "primary_attribute_name", "primary_attribute_value_id"]))
        #expect(names.contains("client_ip_address") && names.contains("is_mobile"))
        #expect(visits.schema["properties"]?["is_mobile"] == ["type": ["null", "boolean"]])
        #expect(visits.metadata[.property("marketoGUID")]?.inclusion == .automatic)
        #expect(visits.metadata[.property("campaignId")]?.inclusion == .available)
        let moments = try #require(Self.catalog["activities_interesting_moment"])
        #expect(!moments.propertyNames.contains("primary_attribute_value"))
    }

    @Test func deleteLeadTypeIsLeftToTheDeletedLeadsStream() {
        #expect(Self.catalog["activities_delete_lead"] == nil)
        #expect(Self.catalog["deleted_leads"]?.replicationKey == "activityDate")
    }

    @Test func staticStreamsKeyOnIdWithUpdatedAt() throws {
        for stream in ["campaigns", "lists", "programs"] {
            let entry = try #require(Self.catalog[stream])
            #expect(entry.keyProperties == ["id"])
            #expect(entry.replicationKey == "updatedAt")
        }
        let types = try #require(Self.catalog["activity_types"])
        #expect(try types.resolvedReplication().method == .fullTable)
        #expect(types.metadata[.property("attributes")]?.inclusion == .unsupported)
    }

    @Test func catalogSurvivesAJSONRoundTrip() throws {
        let catalog = Self.catalog
        #expect(try Catalog(json: catalog.json) == catalog)
    }
}
