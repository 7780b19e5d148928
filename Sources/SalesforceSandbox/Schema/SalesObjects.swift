/// Accounts, contacts, leads and the opportunity family: the objects revenue analytics reads.
extension OrgSchema {
    static let stages: [(name: String, probability: Int, forecast: String, closed: Bool, won: Bool)] = [
        ("Prospecting", 10, "Pipeline", false, false), ("Qualification", 10, "Pipeline", false, false),
        ("Needs Analysis", 20, "Pipeline", false, false), ("Value Proposition", 50, "Pipeline", false, false),
        ("Id. Decision Makers", 60, "Pipeline", false, false), ("Perception Analysis", 70, "Pipeline", false, false),
        ("Proposal/Price Quote", 75, "BestCase", false, false), ("Negotiation/Review", 90, "Forecast", false, false),
        ("Closed Won", 100, "Closed", true, true), ("Closed Lost", 0, "Omitted", true, false),
    ]
    static let industries = ["Agriculture", "Banking", "Biotechnology", "Chemicals", "Communications", "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering", "Finance", "Healthcare", "Insurance", "Manufacturing", "Media", "Retail", "Technology", "Transportation", "Utilities"]
    static let leadSources = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other", "Advertisement", "Employee Referral", "External Referral", "Trade Show", "Word of mouth"]
    static let leadStatuses = ["Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted"]

    static var account: ObjectDefinition {
        ObjectDefinition(name: "Account", keyPrefix: "001", fields: [
            .id(), .system("IsDeleted", .boolean),
            .reference("MasterRecordId", to: ["Account"], relationship: "MasterRecord"),
            .text("Name", nillable: false, nameField: true),
            .picklist("Type", ["Prospect", "Customer - Direct", "Customer - Channel", "Channel Partner / Reseller", "Installation Partner", "Technology Partner", "Other"]),
            .reference("ParentId", to: ["Account"], relationship: "Parent"),
        ] + FieldDefinition.address(prefix: "Billing", compound: "BillingAddress")
          + FieldDefinition.address(prefix: "Shipping", compound: "ShippingAddress") + [
            .simple("Phone", .phone), .simple("Fax", .phone), .text("AccountNumber", length: 40),
            .simple("Website", .url), .text("Sic", length: 20),
            .picklist("Industry", industries),
            .number("AnnualRevenue", .currency, precision: 18, scale: 0),
            .simple("NumberOfEmployees", .int),
            .picklist("Ownership", ["Public", "Private", "Subsidiary", "Other"]),
            .picklist("Rating", ["Hot", "Warm", "Cold"]),
            .longText("Description"),
            .reference("OwnerId", to: ["User"], relationship: "Owner", nillable: false),
        ] + Array(FieldDefinition.auditFields(owner: false).dropFirst()) + [
            .simple("LastActivityDate", .date), .simple("LastViewedDate", .datetime),
            .picklist("AccountSource", leadSources),
            .multipicklist("Regions__c", ["AMER", "EMEA", "APAC", "LATAM"]),
            .picklist("Tier__c", ["Enterprise", "Mid-Market", "SMB"]),
        ] + FieldDefinition.location("Headquarters__c"),
        rowCount: { max(1, $0 / 5) }) { $0.feedEnabled = true }
    }

    static var contact: ObjectDefinition {
        ObjectDefinition(name: "Contact", keyPrefix: "003", fields: [
            .id(), .system("IsDeleted", .boolean),
            .reference("AccountId", to: ["Account"], relationship: "Account"),
            .text("LastName", length: 80, nillable: false), .text("FirstName", length: 40),
            .picklist("Salutation", ["Mr.", "Ms.", "Mrs.", "Dr.", "Prof."]),
            .text("Name", length: 121, nillable: false, nameField: true),
        ] + FieldDefinition.address(prefix: "Mailing", compound: "MailingAddress") + [
            .simple("Phone", .phone), .simple("MobilePhone", .phone), .simple("Email", .email),
            .text("Title", length: 128), .text("Department", length: 80),
            .picklist("LeadSource", leadSources), .simple("Birthdate", .date),
            .longText("Description"), .simple("HasOptedOutOfEmail", .boolean),
            .reference("OwnerId", to: ["User"], relationship: "Owner", nillable: false),
        ] + Array(FieldDefinition.auditFields(owner: false).dropFirst()) + [
            .simple("LastActivityDate", .date),
        ], rowCount: { $0 / 2 })
    }

    static var lead: ObjectDefinition {
        ObjectDefinition(name: "Lead", keyPrefix: "00Q", fields: [
            .id(), .system("IsDeleted", .boolean),
            .text("LastName", length: 80, nillable: false), .text("FirstName", length: 40),
            .text("Name", length: 121, nillable: false, nameField: true), .text("Title", length: 128),
            .text("Company", nillable: false),
        ] + FieldDefinition.address(prefix: "", compound: "Address") + [
            .simple("Phone", .phone), .simple("Email", .email), .simple("Website", .url),
            .longText("Description"), .picklist("LeadSource", leadSources),
            .picklist("Status", leadStatuses), .picklist("Industry", industries),
            .picklist("Rating", ["Hot", "Warm", "Cold"]),
            .number("AnnualRevenue", .currency, precision: 18, scale: 0), .simple("NumberOfEmployees", .int),
            .reference("OwnerId", to: ["User"], relationship: "Owner", nillable: false),
            .simple("IsConverted", .boolean), .simple("ConvertedDate", .date),
            .reference("ConvertedAccountId", to: ["Account"], relationship: "ConvertedAccount"),
            .reference("ConvertedContactId", to: ["Contact"], relationship: "ConvertedContact"),
            .reference("ConvertedOpportunityId", to: ["Opportunity"], relationship: "ConvertedOpportunity"),
        ] + Array(FieldDefinition.auditFields(owner: false).dropFirst()),
        rowCount: { $0 / 2 })
    }

    static var opportunity: ObjectDefinition {
        var expected = FieldDefinition.number("ExpectedRevenue", .currency, precision: 18, scale: 2)
        expected.createable = false
        expected.updateable = false
        return ObjectDefinition(name: "Opportunity", labelPlural: "Opportunities", keyPrefix: "006", fields: [
            .id(), .system("IsDeleted", .boolean),
            .reference("AccountId", to: ["Account"], relationship: "Account"),
            .simple("IsPrivate", .boolean),
            .text("Name", length: 120, nillable: false, nameField: true),
            .longText("Description"),
            .picklist("StageName", stages.map(\.name)),
            .number("Amount", .currency, precision: 18, scale: 2),
            .number("Probability", .percent, precision: 3, scale: 0),
            expected,
            .number("TotalOpportunityQuantity", .double, precision: 18, scale: 2),
            .simple("CloseDate", .date, nillable: false),
            .picklist("Type", ["New Business", "Existing Customer - Upgrade", "Existing Customer - Replacement", "Existing Customer - Downgrade", "New", "Renewal", "Upsell"]),
            .text("NextStep"),
            .picklist("LeadSource", leadSources),
            .simple("IsClosed", .boolean), .simple("IsWon", .boolean),
            .picklist("ForecastCategory", ["Omitted", "Pipeline", "BestCase", "Forecast", "Closed"]),
            .picklist("ForecastCategoryName", ["Omitted", "Pipeline", "Best Case", "Commit", "Closed"]),
            .reference("CampaignId", to: ["Campaign"], relationship: "Campaign"),
            .simple("HasOpportunityLineItem", .boolean),
            .reference("Pricebook2Id", to: ["Pricebook2"], relationship: "Pricebook2"),
            .reference("OwnerId", to: ["User"], relationship: "Owner", nillable: false),
        ] + Array(FieldDefinition.auditFields(owner: false).dropFirst()) + [
            .simple("LastActivityDate", .date),
            .simple("FiscalQuarter", .int), .simple("FiscalYear", .int),
            .reference("ContactId", to: ["Contact"], relationship: "Contact"),
            .simple("LastStageChangeDate", .datetime),
            .number("Discount_Percent__c", .percent, precision: 5, scale: 2),
        ], rowCount: { $0 })
    }

    static var opportunityHistory: ObjectDefinition {
        ObjectDefinition(name: "OpportunityHistory", label: "Opportunity History", labelPlural: "Opportunity History", keyPrefix: "008", fields: [
            .id(), .reference("OpportunityId", to: ["Opportunity"], relationship: "Opportunity", nillable: false),
            .system("CreatedById", .reference, reference: "User"), .system("CreatedDate", .datetime),
            .picklist("StageName", stages.map(\.name)),
            .number("Amount", .currency, precision: 18, scale: 2),
            .number("ExpectedRevenue", .currency, precision: 18, scale: 2),
            .simple("CloseDate", .date), .number("Probability", .percent, precision: 3, scale: 0),
            .picklist("ForecastCategory", ["Omitted", "Pipeline", "BestCase", "Forecast", "Closed"]),
            .system("SystemModstamp", .datetime), .system("IsDeleted", .boolean),
            .number("PrevAmount", .currency, precision: 18, scale: 2), .simple("PrevCloseDate", .date),
        ], rowCount: { $0 * 3 }) { $0.createable = false; $0.updateable = false }
    }

    static var opportunityFieldHistory: ObjectDefinition {
        ObjectDefinition(name: "OpportunityFieldHistory", label: "Opportunity Field History", labelPlural: "Opportunity Field History", keyPrefix: "017", fields: [
            .id(), .system("IsDeleted", .boolean),
            .reference("OpportunityId", to: ["Opportunity"], relationship: "Opportunity", nillable: false),
            .system("CreatedById", .reference, reference: "User"), .system("CreatedDate", .datetime),
            .picklist("Field", ["Amount", "StageName", "CloseDate", "Probability", "Owner", "created"]),
            .picklist("DataType", ["Currency", "Text", "Date", "Percent", "EntityId"]),
            .simple("OldValue", .anyType), .simple("NewValue", .anyType),
        ], rowCount: { $0 }) { $0.createable = false; $0.updateable = false }
    }

    static var opportunityLineItem: ObjectDefinition {
        ObjectDefinition(name: "OpportunityLineItem", label: "Opportunity Product", keyPrefix: "00k", fields: [
            .id(), .reference("OpportunityId", to: ["Opportunity"], relationship: "Opportunity", nillable: false),
            .text("SortOrder"), .reference("PricebookEntryId", to: ["PricebookEntry"], relationship: "PricebookEntry"),
            .reference("Product2Id", to: ["Product2"], relationship: "Product2"),
            .text("ProductCode", length: 255), .text("Name", length: 376),
            .number("Quantity", .double, precision: 12, scale: 2),
            .number("TotalPrice", .currency, precision: 18, scale: 2),
            .number("UnitPrice", .currency, precision: 18, scale: 2),
            .number("ListPrice", .currency, precision: 18, scale: 2),
            .simple("ServiceDate", .date), .text("Description"),
        ] + FieldDefinition.auditFields(owner: false), rowCount: { $0 * 2 })
    }

    static var product: ObjectDefinition {
        ObjectDefinition(name: "Product2", label: "Product", keyPrefix: "01t", fields: [
            .id(), .text("Name", nillable: false, nameField: true), .text("ProductCode"),
            .longText("Description", length: 4000), .simple("IsActive", .boolean),
            .picklist("Family", ["Platform", "Add-on", "Services", "Support"]),
            .text("StockKeepingUnit", length: 180),
        ] + FieldDefinition.auditFields(owner: false), rowCount: { min(200, max(10, $0 / 50)) })
    }

    static var pricebook: ObjectDefinition {
        ObjectDefinition(name: "Pricebook2", label: "Price Book", keyPrefix: "01s", fields: [
            .id(), .text("Name", nillable: false, nameField: true), .simple("IsActive", .boolean),
            .simple("IsStandard", .boolean), .text("Description"),
        ] + FieldDefinition.auditFields(owner: false), rowCount: { _ in 2 })
    }

    static var pricebookEntry: ObjectDefinition {
        ObjectDefinition(name: "PricebookEntry", label: "Price Book Entry", keyPrefix: "01u", fields: [
            .id(), .text("Name", nillable: false),
            .reference("Pricebook2Id", to: ["Pricebook2"], relationship: "Pricebook2", nillable: false),
            .reference("Product2Id", to: ["Product2"], relationship: "Product2", nillable: false),
            .number("UnitPrice", .currency, precision: 18, scale: 2), .simple("IsActive", .boolean),
            .simple("UseStandardPrice", .boolean), .text("ProductCode"),
        ] + FieldDefinition.auditFields(owner: false), rowCount: { min(200, max(10, $0 / 50)) * 2 })
    }
}
