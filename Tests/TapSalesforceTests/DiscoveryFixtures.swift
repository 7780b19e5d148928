import Singer
@testable import TapSalesforce

/// Describe results written from Salesforce's documented shapes (DescribeSObjectResult/Field),
/// cut down to the keys that matter plus a few realistic extras.
enum DiscoveryFixtures {
    static func describe(_ text: String) -> SObjectDescription {
        var parser = JSONParser()
        // Fixtures are literals in this file; a parse failure is a broken test, reported by the caller.
        guard let json = try? parser.parse(text), let description = SObjectDescription(json: json) else {
            return SObjectDescription(name: "<invalid fixture>", fields: [])
        }
        return description
    }

    static func field(_ name: String, _ type: String, filterable: Bool = true, nillable: Bool = true, extra: String = "") -> String {
        #"{"name":"\#(name)","type":"\#(type)","soapType":"xsd:string","nillable":\#(nillable),"filterable":\#(filterable),"calculated":false,"custom":false\#(extra)}"#
    }

    static let opportunity = describe(#"""
        {"name":"Opportunity","label":"Opportunity","custom":false,"customSetting":false,"queryable":true,"keyPrefix":"006",
         "fields":[
           \#(field("Id", "id", nillable: false)),
           \#(field("IsDeleted", "boolean", nillable: false)),
           \#(field("AccountId", "reference", extra: #","referenceTo":["Account"],"relationshipName":"Account""#)),
           \#(field("Name", "string", nillable: false)),
           \#(field("Amount", "currency")),
           \#(field("Probability", "percent")),
           \#(field("TotalOpportunityQuantity", "double")),
           \#(field("StageName", "picklist", nillable: false)),
           \#(field("CloseDate", "date", nillable: false)),
           \#(field("Description", "textarea")),
           \#(field("NextStepTime__c", "time")),
           \#(field("FiscalYear", "int")),
           \#(field("ExpectedRevenue", "currency", extra: #","calculated":true"#)),
           \#(field("Delivery__c", "address")),
           \#(field("Site__c", "location")),
           \#(field("Contract__c", "base64")),
           \#(field("Payload__c", "json")),
           \#(field("Mystery__c", "hologram")),
           \#(field("Anything__c", "anyType")),
           \#(field("CreatedDate", "datetime", nillable: false)),
           \#(field("LastModifiedDate", "datetime", nillable: false)),
           \#(field("SystemModstamp", "datetime", nillable: false))
         ]}
        """#)

    /// ActivityFieldHistory-like: SystemModstamp exists but cannot be filtered (Airbyte #68166).
    static let unfilterableModstamp = describe(#"""
        {"name":"Widget__History","fields":[
           \#(field("Id", "id", nillable: false)),
           \#(field("SystemModstamp", "datetime", filterable: false)),
           \#(field("CreatedDate", "datetime"))
         ]}
        """#)

    static let noTimestamps = describe(#"""
        {"name":"BusinessHours__x","fields":[\#(field("Id", "id")),\#(field("Name", "string"))]}
        """#)

    static let noId = describe(#"""
        {"name":"EntityStats","fields":[\#(field("Name", "string")),\#(field("SystemModstamp", "datetime"))]}
        """#)

    static let loginHistory = describe(#"""
        {"name":"LoginHistory","fields":[\#(field("Id", "id")),\#(field("LoginTime", "datetime"))]}
        """#)

    static let tagOfCustomSetting = describe(#"""
        {"name":"Settings__Tag","fields":[\#(field("Id", "id")),
           \#(field("ItemId", "reference", extra: #","referenceTo":["Settings__c"],"relationshipName":"Item""#))]}
        """#)
}
