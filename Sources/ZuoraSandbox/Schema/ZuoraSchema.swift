/// The tenant's objects: the billing objects the sandbox serves, in `GET /v1/describe` order,
/// plus one listed object whose describe fails (as some real objects do).
public struct ZuoraSchema: Sendable {
    /// Objects with data, by name.
    public let objects: [ZuoraObject]
    /// Listed by `GET /v1/describe` but answering 400 `noSuchDataSource` to its describe.
    public let failingObject = "NotificationHistoryCallout"

    /// The object called `name` (case-insensitive).
    public func object(_ name: String) -> ZuoraObject? {
        let lower = name.lowercased()
        return objects.first { $0.name.lowercased() == lower }
    }

    /// The standard billing schema.
    public static let standard = ZuoraSchema(objects: BillingObjects.all)
}

/// Field lists modelled on Zuora's object model: every object has `Id`, `CreatedDate`,
/// `UpdatedDate`, `CreatedById`, `UpdatedById`; foreign keys are plain text fields and also
/// relations.
enum BillingObjects {
    static func system(_ fields: [ZuoraField]) -> [ZuoraField] {
        [ZuoraField("Id", .text, label: "ID")] + fields + [
            ZuoraField("CreatedById", .text), ZuoraField("CreatedDate", .datetime),
            ZuoraField("UpdatedById", .text), ZuoraField("UpdatedDate", .datetime),
        ]
    }

    static let currencies = ["USD", "EUR", "GBP", "JPY"]

    static let all: [ZuoraObject] = [
        ZuoraObject("Account", fields: system([
            ZuoraField("AccountNumber", .text), ZuoraField("Name", .text, required: true),
            ZuoraField("Status", .picklist, options: ["Draft", "Active", "Canceled"]),
            ZuoraField("Currency", .picklist, options: currencies), ZuoraField("Balance", .decimal),
            ZuoraField("CreditBalance", .decimal), ZuoraField("MRR", .decimal, label: "Monthly Recurring Revenue"),
            ZuoraField("AutoPay", .boolean), ZuoraField("BillCycleDay", .integer), ZuoraField("PaymentTerm", .text),
            ZuoraField("Notes", .text), ZuoraField("BillToId", .text), ZuoraField("SoldToId", .text),
            ZuoraField("LastInvoiceDate", .date), ZuoraField("LastMetricsUpdate", .timestamp),
            ZuoraField("BcdSettingOption", .text, exportable: false),
        ]), relations: [
            ZuoraRelation("BillToContact", object: "Contact", foreignKey: "BillToId"),
            ZuoraRelation("SoldToContact", object: "Contact", foreignKey: "SoldToId"),
        ]),
        ZuoraObject("Contact", fields: system([
            ZuoraField("AccountId", .text), ZuoraField("FirstName", .text), ZuoraField("LastName", .text),
            ZuoraField("WorkEmail", .text), ZuoraField("City", .text), ZuoraField("Country", .text),
            ZuoraField("Description", .text),
        ]), relations: [ZuoraRelation("Account", object: "Account", foreignKey: "AccountId")]),
        ZuoraObject("Product", fields: system([
            ZuoraField("Name", .text), ZuoraField("SKU", .text), ZuoraField("Category", .picklist, options: ["Base Products", "Add On Services", "Miscellaneous Products"]),
            ZuoraField("Description", .text), ZuoraField("EffectiveStartDate", .date), ZuoraField("EffectiveEndDate", .date),
        ])),
        ZuoraObject("ProductRatePlan", fields: system([
            ZuoraField("ProductId", .text), ZuoraField("Name", .text), ZuoraField("Description", .text),
            ZuoraField("EffectiveStartDate", .date), ZuoraField("EffectiveEndDate", .date),
        ]), relations: [ZuoraRelation("Product", object: "Product", foreignKey: "ProductId")]),
        ZuoraObject("ProductRatePlanCharge", fields: system([
            ZuoraField("ProductRatePlanId", .text), ZuoraField("Name", .text),
            ZuoraField("ChargeType", .picklist, options: ["OneTime", "Recurring", "Usage"]),
            ZuoraField("ChargeModel", .picklist, options: ["Flat Fee Pricing", "Per Unit Pricing", "Tiered Pricing"]),
            ZuoraField("BillingPeriod", .picklist, options: ["Month", "Quarter", "Annual"]),
            ZuoraField("DefaultQuantity", .decimal), ZuoraField("UOM", .text),
        ]), relations: [ZuoraRelation("ProductRatePlan", object: "ProductRatePlan", foreignKey: "ProductRatePlanId")]),
        ZuoraObject("Subscription", fields: system([
            ZuoraField("AccountId", .text), ZuoraField("InvoiceOwnerId", .text), ZuoraField("Name", .text),
            ZuoraField("Status", .picklist, options: ["Draft", "Active", "Cancelled", "Expired"]),
            ZuoraField("TermType", .picklist, options: ["TERMED", "EVERGREEN"]), ZuoraField("Version", .integer),
            ZuoraField("AutoRenew", .boolean), ZuoraField("InitialTerm", .integer), ZuoraField("RenewalTerm", .integer),
            ZuoraField("ContractEffectiveDate", .date), ZuoraField("SubscriptionStartDate", .date),
            ZuoraField("SubscriptionEndDate", .date), ZuoraField("TermStartDate", .date), ZuoraField("TermEndDate", .date),
            ZuoraField("Notes", .text),
        ]), relations: [
            ZuoraRelation("Account", object: "Account", foreignKey: "AccountId"),
            ZuoraRelation("InvoiceOwner", object: "Account", foreignKey: "InvoiceOwnerId"),
        ]),
        ZuoraObject("Amendment", fields: system([
            ZuoraField("SubscriptionId", .text), ZuoraField("Name", .text), ZuoraField("Code", .text),
            ZuoraField("Type", .picklist, options: ["NewProduct", "RemoveProduct", "UpdateProduct", "Renewal", "TermsAndConditions"]),
            ZuoraField("Status", .picklist, options: ["Draft", "Completed"]), ZuoraField("EffectiveDate", .date),
            ZuoraField("Description", .text),
        ]), relations: [ZuoraRelation("Subscription", object: "Subscription", foreignKey: "SubscriptionId")]),
        ZuoraObject("RatePlan", fields: system([
            ZuoraField("SubscriptionId", .text), ZuoraField("ProductRatePlanId", .text), ZuoraField("AmendmentId", .text),
            ZuoraField("Name", .text), ZuoraField("AmendmentType", .text),
        ]), relations: [
            ZuoraRelation("Subscription", object: "Subscription", foreignKey: "SubscriptionId"),
            ZuoraRelation("ProductRatePlan", object: "ProductRatePlan", foreignKey: "ProductRatePlanId"),
            ZuoraRelation("Amendment", object: "Amendment", foreignKey: "AmendmentId"),
        ]),
        ZuoraObject("RatePlanCharge", fields: system([
            ZuoraField("RatePlanId", .text), ZuoraField("ProductRatePlanChargeId", .text), ZuoraField("Name", .text),
            ZuoraField("ChargeNumber", .text), ZuoraField("ChargeType", .picklist, options: ["OneTime", "Recurring", "Usage"]),
            ZuoraField("BillingPeriod", .text), ZuoraField("Quantity", .decimal), ZuoraField("Price", .decimal),
            ZuoraField("MRR", .decimal, label: "Monthly Recurring Revenue"), ZuoraField("TCV", .decimal, label: "Total Contract Value"),
            ZuoraField("DMRC", .decimal), ZuoraField("DTCV", .decimal), ZuoraField("EffectiveStartDate", .date),
            ZuoraField("EffectiveEndDate", .date), ZuoraField("IsLastSegment", .boolean), ZuoraField("Segment", .integer),
        ]), relations: [
            ZuoraRelation("RatePlan", object: "RatePlan", foreignKey: "RatePlanId"),
            ZuoraRelation("ProductRatePlanCharge", object: "ProductRatePlanCharge", foreignKey: "ProductRatePlanChargeId"),
        ]),
        ZuoraObject("Invoice", fields: system([
            ZuoraField("AccountId", .text), ZuoraField("InvoiceNumber", .text), ZuoraField("InvoiceDate", .date),
            ZuoraField("DueDate", .date), ZuoraField("Status", .picklist, options: ["Draft", "Posted", "Canceled"]),
            ZuoraField("Amount", .decimal), ZuoraField("AmountWithoutTax", .decimal), ZuoraField("TaxAmount", .decimal),
            ZuoraField("Balance", .decimal), ZuoraField("PaymentAmount", .decimal), ZuoraField("RefundAmount", .decimal),
            ZuoraField("Comments", .text), ZuoraField("PaymentTerm", .text), ZuoraField("Currency", .text),
            ZuoraField("Body", .zoql, exportable: false),
        ]), relations: [ZuoraRelation("Account", object: "Account", foreignKey: "AccountId")]),
        ZuoraObject("InvoiceItem", fields: system([
            ZuoraField("InvoiceId", .text), ZuoraField("SubscriptionId", .text), ZuoraField("RatePlanChargeId", .text),
            ZuoraField("ChargeName", .text), ZuoraField("ChargeAmount", .decimal), ZuoraField("TaxAmount", .decimal),
            ZuoraField("Quantity", .decimal), ZuoraField("UnitPrice", .decimal), ZuoraField("ServiceStartDate", .date),
            ZuoraField("ServiceEndDate", .date), ZuoraField("ProcessingType", .integer),
        ]), relations: [
            ZuoraRelation("Invoice", object: "Invoice", foreignKey: "InvoiceId"),
            ZuoraRelation("Subscription", object: "Subscription", foreignKey: "SubscriptionId"),
            ZuoraRelation("RatePlanCharge", object: "RatePlanCharge", foreignKey: "RatePlanChargeId"),
        ]),
        ZuoraObject("Payment", fields: system([
            ZuoraField("AccountId", .text), ZuoraField("InvoiceId", .text), ZuoraField("PaymentNumber", .text),
            ZuoraField("Amount", .decimal), ZuoraField("AppliedAmount", .decimal), ZuoraField("RefundAmount", .decimal),
            ZuoraField("EffectiveDate", .date), ZuoraField("Status", .picklist, options: ["Draft", "Processing", "Processed", "Error", "Canceled"]),
            ZuoraField("Type", .picklist, options: ["External", "Electronic"]), ZuoraField("Comment", .text),
        ]), relations: [
            ZuoraRelation("Account", object: "Account", foreignKey: "AccountId"),
            ZuoraRelation("Invoice", object: "Invoice", foreignKey: "InvoiceId"),
        ]),
        ZuoraObject("Refund", fields: system([
            ZuoraField("AccountId", .text), ZuoraField("PaymentId", .text), ZuoraField("RefundNumber", .text),
            ZuoraField("Amount", .decimal), ZuoraField("RefundDate", .date), ZuoraField("Status", .picklist, options: ["Processed", "Canceled", "Error"]),
            ZuoraField("Type", .picklist, options: ["External", "Electronic"]), ZuoraField("ReasonCode", .text), ZuoraField("Comment", .text),
        ]), relations: [
            ZuoraRelation("Account", object: "Account", foreignKey: "AccountId"),
            ZuoraRelation("Payment", object: "Payment", foreignKey: "PaymentId"),
        ]),
        ZuoraObject("CreditBalanceAdjustment", fields: system([
            ZuoraField("AccountId", .text), ZuoraField("SourceTransactionId", .text), ZuoraField("Number", .text),
            ZuoraField("Amount", .decimal), ZuoraField("Type", .picklist, options: ["Increase", "Decrease"]),
            ZuoraField("AdjustmentDate", .date), ZuoraField("ReasonCode", .text), ZuoraField("Comment", .text),
        ]), relations: [ZuoraRelation("Account", object: "Account", foreignKey: "AccountId")]),
    ]
}
