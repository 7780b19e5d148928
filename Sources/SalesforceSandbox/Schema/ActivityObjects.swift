/// Users, campaigns, activities, service objects, the custom `Invoice__c`, and the objects
/// that exist to exercise edge cases (base64, a non-filterable SystemModstamp, objects Bulk
/// refuses, objects that cannot be queried at all).
extension OrgSchema {
    static var user: ObjectDefinition {
        ObjectDefinition(name: "User", keyPrefix: "005", fields: [
            .id(), .text("Username", length: 80, nillable: false), .text("LastName", length: 80, nillable: false),
            .text("FirstName", length: 40), .text("Name", length: 121, nillable: false, nameField: true),
            .text("CompanyName", length: 80), .text("Division", length: 80), .text("Department", length: 80),
            .text("Title", length: 80), .simple("Email", .email, nillable: false), .simple("Phone", .phone),
            .text("Alias", length: 8, nillable: false), .simple("IsActive", .boolean),
            .picklist("TimeZoneSidKey", ["America/Los_Angeles", "America/New_York", "Europe/Paris", "Asia/Tokyo"]),
            .picklist("UserType", ["Standard", "PowerPartner", "CsnOnly"]),
            .reference("ManagerId", to: ["User"], relationship: "Manager"),
            .simple("LastLoginDate", .datetime),
            .system("CreatedDate", .datetime), .system("CreatedById", .reference, reference: "User"),
            .system("LastModifiedDate", .datetime), .system("LastModifiedById", .reference, reference: "User"),
            .system("SystemModstamp", .datetime),
        ], rowCount: { max(5, min(200, $0 / 100)) }) { $0.deletable = false }
    }

    static var campaign: ObjectDefinition {
        ObjectDefinition(name: "Campaign", keyPrefix: "701", fields: [
            .id(), .system("IsDeleted", .boolean), .text("Name", length: 80, nillable: false, nameField: true),
            .reference("ParentId", to: ["Campaign"], relationship: "Parent"),
            .picklist("Type", ["Conference", "Webinar", "Trade Show", "Public Relations", "Partners", "Referral Program", "Advertisement", "Banner Ads", "Direct Mail", "Email", "Telemarketing", "Other"]),
            .picklist("Status", ["Planned", "In Progress", "Completed", "Aborted"]),
            .simple("StartDate", .date), .simple("EndDate", .date),
            .number("ExpectedRevenue", .currency, precision: 18, scale: 0),
            .number("BudgetedCost", .currency, precision: 18, scale: 0),
            .number("ActualCost", .currency, precision: 18, scale: 0),
            .number("ExpectedResponse", .percent, precision: 10, scale: 2),
            .number("NumberSent", .double, precision: 18, scale: 0),
            .simple("IsActive", .boolean), .longText("Description"),
            .simple("NumberOfLeads", .int), .simple("NumberOfContacts", .int), .simple("NumberOfOpportunities", .int),
            .simple("NumberOfWonOpportunities", .int),
            .number("AmountAllOpportunities", .currency, precision: 18, scale: 0),
            .number("AmountWonOpportunities", .currency, precision: 18, scale: 0),
        ] + FieldDefinition.auditFields(owner: true), rowCount: { max(3, $0 / 100) })
    }

    static var campaignMember: ObjectDefinition {
        ObjectDefinition(name: "CampaignMember", keyPrefix: "00v", fields: [
            .id(), .system("IsDeleted", .boolean),
            .reference("CampaignId", to: ["Campaign"], relationship: "Campaign", nillable: false),
            .reference("LeadId", to: ["Lead"], relationship: "Lead"),
            .reference("ContactId", to: ["Contact"], relationship: "Contact"),
            .picklist("Status", ["Sent", "Responded"]), .simple("HasResponded", .boolean),
            .simple("FirstRespondedDate", .date),
        ] + Array(FieldDefinition.auditFields(owner: false).dropFirst()), rowCount: { $0 / 2 })
    }

    static func activity(name: String, prefix: String, rows: @escaping @Sendable (Int) -> Int, event: Bool) -> ObjectDefinition {
        var fields: [FieldDefinition] = [
            .id(), .reference("WhoId", to: ["Contact", "Lead"], relationship: "Who"),
            .reference("WhatId", to: ["Account", "Opportunity", "Campaign", "Case", "Contract", "Invoice__c"], relationship: "What"),
            .text("Subject"), .simple("ActivityDate", .date), .longText("Description"),
            .reference("AccountId", to: ["Account"], relationship: "Account"),
            .reference("OwnerId", to: ["User"], relationship: "Owner", nillable: false),
        ]
        if event {
            fields += [.simple("ActivityDateTime", .datetime), .simple("StartDateTime", .datetime), .simple("EndDateTime", .datetime),
                       .simple("DurationInMinutes", .int), .simple("IsAllDayEvent", .boolean), .text("Location"),
                       .picklist("ShowAs", ["Busy", "OutOfOffice", "Free"])]
        } else {
            fields += [.picklist("Status", ["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"]),
                       .picklist("Priority", ["High", "Normal", "Low"]), .simple("IsClosed", .boolean),
                       .picklist("TaskSubtype", ["Task", "Email", "ListEmail", "Cadence", "Call"]),
                       .simple("CallDurationInSeconds", .int), .simple("CompletedDateTime", .datetime)]
        }
        return ObjectDefinition(name: name, keyPrefix: prefix, fields: fields + Array(FieldDefinition.auditFields(owner: false)) + [
            .simple("IsArchived", .boolean),
        ], rowCount: rows)
    }

    static var caseObject: ObjectDefinition {
        ObjectDefinition(name: "Case", keyPrefix: "500", fields: [
            .id(), .system("IsDeleted", .boolean), .text("CaseNumber", length: 30, nillable: false, nameField: true),
            .reference("ContactId", to: ["Contact"], relationship: "Contact"),
            .reference("AccountId", to: ["Account"], relationship: "Account"),
            .picklist("Type", ["Mechanical", "Electrical", "Electronic", "Structural", "Other"]),
            .picklist("Status", ["New", "Working", "Escalated", "Closed"]),
            .picklist("Reason", ["Installation", "Equipment Complexity", "Performance", "Breakdown", "Feedback", "Other"]),
            .picklist("Origin", ["Phone", "Email", "Web"]), .text("Subject"),
            .picklist("Priority", ["High", "Medium", "Low"]), .longText("Description"),
            .simple("IsClosed", .boolean), .simple("ClosedDate", .datetime), .simple("IsEscalated", .boolean),
            .simple("SuppliedEmail", .email),
        ] + FieldDefinition.auditFields(owner: true), rowCount: { $0 / 2 })
    }

    static var contract: ObjectDefinition {
        ObjectDefinition(name: "Contract", keyPrefix: "800", fields: [
            .id(), .reference("AccountId", to: ["Account"], relationship: "Account", nillable: false),
            .simple("StartDate", .date), .simple("EndDate", .date), .simple("ContractTerm", .int),
            .picklist("Status", ["Draft", "In Approval Process", "Activated"]),
            .text("ContractNumber", length: 30, nillable: false, nameField: true),
            .longText("Description"), .simple("ActivatedDate", .datetime),
            .number("Annual_Value__c", .currency, precision: 16, scale: 2),
        ] + FieldDefinition.auditFields(owner: true), rowCount: { $0 / 5 })
    }

    static var invoice: ObjectDefinition {
        ObjectDefinition(name: "Invoice__c", label: "Invoice", keyPrefix: "a0B", fields: [
            .id(), .system("IsDeleted", .boolean), .text("Name", length: 80, nillable: false, nameField: true),
            .reference("Account__c", to: ["Account"], relationship: "Account__r"),
            .reference("Opportunity__c", to: ["Opportunity"], relationship: "Opportunity__r"),
            .number("Total__c", .currency, precision: 18, scale: 2),
            .number("Amount_Paid__c", .currency, precision: 18, scale: 2),
            .formula("Balance__c", .currency, "Total__c - Amount_Paid__c"),
            .number("Exchange_Rate__c", .double, precision: 18, scale: 8),
            .number("Tax_Rate__c", .percent, precision: 5, scale: 3),
            .simple("Due_Date__c", .date), .simple("Paid__c", .boolean),
            .picklist("Status__c", ["Draft", "Sent", "Paid", "Overdue", "Void"]),
            .multipicklist("Tags__c", ["Priority", "Disputed", "Auto-Renew", "Manual", "Partner"]),
            .simple("Cutoff_Time__c", .time), .simple("Billing_Email__c", .email),
            .simple("Portal_URL__c", .url), .longText("Notes__c", length: 131_072),
            .formula("Days_Open__c", .int, "TODAY() - DATEVALUE(CreatedDate)", precision: 18, scale: 0),
            .simple("Line_Count__c", .double),
        ] + FieldDefinition.auditFields(owner: true), rowCount: { $0 / 2 })
    }

    static var attachment: ObjectDefinition {
        ObjectDefinition(name: "Attachment", keyPrefix: "00P", fields: [
            .id(), .system("IsDeleted", .boolean),
            .reference("ParentId", to: ["Account", "Opportunity", "Case"], relationship: "Parent", nillable: false),
            .text("Name", nillable: false, nameField: true), .simple("IsPrivate", .boolean),
            .text("ContentType", length: 120), .simple("BodyLength", .int), .simple("Body", .base64, nillable: false),
            .reference("OwnerId", to: ["User"], relationship: "Owner", nillable: false),
        ] + Array(FieldDefinition.auditFields(owner: false).dropFirst()) + [.text("Description", length: 500)],
        rowCount: { max(1, $0 / 20) })
    }

    /// As in real orgs, SystemModstamp here cannot be filtered (airbyte#68166).
    static var activityFieldHistory: ObjectDefinition {
        var stamp = FieldDefinition.system("SystemModstamp", .datetime)
        stamp.filterable = false
        return ObjectDefinition(name: "ActivityFieldHistory", label: "Activity Field History", labelPlural: "Activity Field History", keyPrefix: "1AF", fields: [
            .id(), .reference("ActivityId", to: ["Task", "Event"], relationship: "Activity"),
            .text("FieldName"), .text("OldValueText"), .text("NewValueText"),
            .system("ChangedDate", .datetime), .system("CreatedDate", .datetime),
            .system("CreatedById", .reference, reference: "User"), stamp,
        ], rowCount: { max(1, $0 / 5) }) { $0.createable = false; $0.updateable = false; $0.bulkQueryable = false }
    }

    static var recentlyViewed: ObjectDefinition {
        ObjectDefinition(name: "RecentlyViewed", label: "Recently Viewed", labelPlural: "Recently Viewed", keyPrefix: nil, fields: [
            .id(), .text("Name"), .text("Type", length: 40), .simple("LastViewedDate", .datetime),
            .simple("LastReferencedDate", .datetime), .reference("LastModifiedById", to: ["User"], relationship: "LastModifiedBy"),
        ], rowCount: { min(50, max(1, $0 / 10)) }) { $0.bulkQueryable = false; $0.createable = false; $0.replicateable = false }
    }

    static var taskPriority: ObjectDefinition {
        ObjectDefinition(name: "TaskPriority", label: "Task Priority Value", keyPrefix: "01U", fields: [
            .id(), .text("MasterLabel", nillable: false), .text("ApiName", nillable: false),
            .simple("SortOrder", .int), .simple("IsDefault", .boolean), .simple("IsHighPriority", .boolean),
            .system("CreatedDate", .datetime), .system("CreatedById", .reference, reference: "User"),
            .system("LastModifiedDate", .datetime), .system("LastModifiedById", .reference, reference: "User"),
            .system("SystemModstamp", .datetime),
        ], rowCount: { _ in 3 }) { $0.bulkQueryable = false; $0.createable = false; $0.replicateable = false }
    }

    /// Listed by describeGlobal but never queryable.
    static func notQueryable(_ name: String, label: String, prefix: String?) -> ObjectDefinition {
        ObjectDefinition(name: name, label: label, labelPlural: label, keyPrefix: prefix, fields: [
            .id(), .text("Name"), .system("CreatedDate", .datetime),
        ], configure: {
            $0.queryable = false
            $0.retrieveable = false
            $0.replicateable = false
            $0.createable = false
            $0.updateable = false
            $0.deletable = false
            $0.searchable = false
            $0.layoutable = false
            $0.bulkQueryable = false
        })
    }
}
