import SandboxKit
import Singer

/// Opportunities and their history, line items and price books: consistent for revenue
/// analytics (IsWon/IsClosed follow StageName, Probability and ForecastCategory follow the
/// stage, ExpectedRevenue = Amount × Probability), with the edge cases a loader must survive.
extension SalesRows {
    /// An Amount in cents: mostly 1,000–250,000; some null, zero, negative (credits) or
    /// enterprise-sized. Amounts stay plausible so pipeline and win-rate figures computed from
    /// the org look like a real company's; the huge and many-digit numbers a loader must survive
    /// are on `Invoice__c`.
    static func amount(_ random: inout SeededRandom) -> FieldValue {
        let draw = Int.random(in: 0..<1000, using: &random)
        switch draw {
        case 0..<30: return .null
        case 30..<40: return .decimal(-Int64.random(in: 10_000...5_000_000, using: &random), scale: 2)
        case 40..<45: return .decimal(Int64.random(in: 100_000_000...500_000_000, using: &random), scale: 2)
        case 45..<60: return .decimal(Int64.random(in: 25_000_000...100_000_000, using: &random), scale: 2)
        case 60..<70: return .decimal(0, scale: 2)
        default:
            let cents = Int64.random(in: 100_000...25_000_000, using: &random)
            return .decimal(random.chance(0.5) ? cents / 100 * 100 : cents, scale: 2)
        }
    }

    /// Closed Won and Closed Lost a quarter each, the open stages sharing the rest.
    static let stageWeights: [(Int, Int)] = [(8, 25), (9, 25)] + (0..<8).map { ($0, 6) }

    /// Stage-dependent fields, shared by generation and changes.
    static func applyStage(_ index: Int, to row: inout RowBuilder) {
        let stage = OrgSchema.stages[index]
        row["StageName"] = .text(stage.name)
        row["Probability"] = .decimal(Int64(stage.probability), scale: 0)
        row["IsClosed"] = .bool(stage.closed)
        row["IsWon"] = .bool(stage.won)
        row["ForecastCategory"] = .text(stage.forecast)
        row["ForecastCategoryName"] = .text(stage.forecast == "BestCase" ? "Best Case" : stage.forecast == "Forecast" ? "Commit" : stage.forecast)
        if case .decimal(let units, let scale) = row["Amount"] {
            let (product, overflow) = units.multipliedReportingOverflow(by: Int64(stage.probability))
            row["ExpectedRevenue"] = overflow ? .decimal(units / 100 * Int64(stage.probability), scale: scale) : .decimal(product / 100, scale: scale)
        } else {
            row["ExpectedRevenue"] = .null
        }
    }

    static func opportunity(_ row: inout RowBuilder, _ index: Int, _ context: GenerationContext, _ random: inout SeededRandom) {
        var created = standardAudit(&row, context, &random)
        if context.sharedStampBlock.contains(index) {
            created = min(created, GenerationContext.sharedStamp - GenerationContext.day)
            row["CreatedDate"] = .dateTime(created)
            row["LastModifiedDate"] = .dateTime(GenerationContext.sharedStamp)
            row["SystemModstamp"] = .dateTime(GenerationContext.sharedStamp)
            row["IsDeleted"] = .bool(false)
        }
        let account = random.chance(0.98) ? context.randomID("Account", &random) : .null
        row["AccountId"] = account
        row["Name"] = .text("\(SampleText.companyName(&random)) – \(random.pick(SampleText.products) ?? "Deal")")
        row["Description"] = optionalText(&random, 0.3, SampleText.descriptions)
        row["Amount"] = amount(&random)
        let stageIndex = random.weighted(Self.stageWeights)
        applyStage(stageIndex, to: &row)
        row["TotalOpportunityQuantity"] = random.chance(0.4) ? .decimal(Int64.random(in: 100...10_000, using: &random), scale: 2) : .null
        let closeDays = GenerationContext.days(created) + Int.random(in: OrgSchema.stages[stageIndex].closed ? 10...180 : 30...365, using: &random)
        row["CloseDate"] = .date(closeDays)
        let closeDate = RFC3339.CalendarDate(daysSince1970: closeDays)
        row["FiscalYear"] = .int(Int64(closeDate.year))
        row["FiscalQuarter"] = .int(Int64((closeDate.month - 1) / 3 + 1))
        row["Type"] = .text(random.weighted([("New", 50), ("Renewal", 30), ("Upsell", 20)]))
        row["NextStep"] = optionalText(&random, 0.3, ["Send proposal", "Schedule demo", "Legal review, then sign", "Wait for \"budget\" approval"])
        row["LeadSource"] = optionalText(&random, 0.8, OrgSchema.leadSources)
        row["CampaignId"] = random.chance(0.3) ? context.randomID("Campaign", &random) : .null
        row["HasOpportunityLineItem"] = .bool(random.chance(0.7))
        row["Pricebook2Id"] = .text(context.id("Pricebook2", 0))
        row["ContactId"] = random.chance(0.6) ? context.randomID("Contact", &random) : .null
        row["LastStageChangeDate"] = row["LastModifiedDate"]
        row["LastActivityDate"] = random.chance(0.5) ? .date(GenerationContext.days(context.moment(&random, from: created))) : .null
        row["IsPrivate"] = .bool(random.chance(0.02))
        row["Discount_Percent__c"] = random.chance(0.5) ? .decimal(Int64.random(in: 0...3_000, using: &random), scale: 2) : .null
    }

    static func history(_ row: inout RowBuilder, _ index: Int, _ context: GenerationContext, _ random: inout SeededRandom) {
        _ = standardAudit(&row, context, &random)
        row["OpportunityId"] = .text(context.id("Opportunity", min(index / 3, max(0, context.count("Opportunity") - 1))))
        row["LastModifiedDate"] = .null
        row["Amount"] = amount(&random)
        row["PrevAmount"] = random.chance(0.5) ? amount(&random) : .null
        applyStage([0, 4, 8 + Int.random(in: 0...1, using: &random)][index % 3], to: &row)
        if case .dateTime(let created) = row["CreatedDate"] {
            row["CloseDate"] = .date(GenerationContext.days(created) + Int.random(in: 10...200, using: &random))
            row["PrevCloseDate"] = random.chance(0.3) ? .date(GenerationContext.days(created) + 5) : .null
        }
    }

    static func fieldHistory(_ row: inout RowBuilder, _ index: Int, _ context: GenerationContext, _ random: inout SeededRandom) {
        _ = standardAudit(&row, context, &random)
        row["OpportunityId"] = context.randomID("Opportunity", &random)
        switch index % 4 {
        case 0:
            row["Field"] = .text("Amount")
            row["DataType"] = .text("Currency")
            row["OldValue"] = random.chance(0.2) ? .null : .decimal(Int64.random(in: 100_000...9_000_000, using: &random), scale: 2)
            row["NewValue"] = .decimal(Int64.random(in: 100_000...9_000_000, using: &random), scale: 2)
        case 1:
            row["Field"] = .text("StageName")
            row["DataType"] = .text("Text")
            row["OldValue"] = .text(OrgSchema.stages[Int.random(in: 0..<8, using: &random)].name)
            row["NewValue"] = .text(OrgSchema.stages[Int.random(in: 0..<10, using: &random)].name)
        case 2:
            row["Field"] = .text("CloseDate")
            row["DataType"] = .text("Date")
            row["OldValue"] = .text(JSONFragment.formatDate(days: 19_500 + index % 700))
            row["NewValue"] = .text(JSONFragment.formatDate(days: 19_530 + index % 700))
        default:
            row["Field"] = .text("created")
            row["DataType"] = .text("Text")
        }
    }

    static func lineItem(_ row: inout RowBuilder, _ index: Int, _ context: GenerationContext, _ random: inout SeededRandom) {
        _ = standardAudit(&row, context, &random)
        row["OpportunityId"] = .text(context.id("Opportunity", min(index / 2, max(0, context.count("Opportunity") - 1))))
        let products = context.count("Product2")
        let product = Int.random(in: 0..<max(products, 1), using: &random)
        row["Product2Id"] = .text(context.id("Product2", product))
        row["PricebookEntryId"] = .text(context.id("PricebookEntry", product))
        let name = SampleText.products[product % SampleText.products.count]
        row["Name"] = .text(name)
        row["ProductCode"] = .text("SKU-\(1000 + product)")
        let quantity = Int64.random(in: 1...50, using: &random)
        let unit = Int64.random(in: 5_000...2_000_000, using: &random)
        row["Quantity"] = .decimal(quantity * 100, scale: 2)
        row["UnitPrice"] = .decimal(unit, scale: 2)
        row["ListPrice"] = .decimal(unit, scale: 2)
        row["TotalPrice"] = .decimal(unit * quantity, scale: 2)
        row["ServiceDate"] = random.chance(0.5) ? .date(19_400 + Int.random(in: 0...1_000, using: &random)) : .null
        row["Description"] = optionalText(&random, 0.2, ["Per seat, billed annually", "Includes \"premium\" SLA", "Discounted, see notes"])
    }

    static func catalog(_ row: inout RowBuilder, _ index: Int, _ context: GenerationContext, _ random: inout SeededRandom) {
        _ = standardAudit(&row, context, &random)
        row["IsDeleted"] = .bool(false)
        row["IsActive"] = .bool(index % 7 != 6)
        switch row.object.name {
        case "Pricebook2":
            row["Name"] = .text(index == 0 ? "Standard Price Book" : "Partner Price Book")
            row["IsStandard"] = .bool(index == 0)
        case "Product2":
            row["Name"] = .text(SampleText.products[index % SampleText.products.count] + (index < SampleText.products.count ? "" : " \(index)"))
            row["ProductCode"] = .text("SKU-\(1000 + index)")
            row["Family"] = .text(["Platform", "Add-on", "Services", "Support"][index % 4])
            row["StockKeepingUnit"] = .text("SKU-\(1000 + index)")
        default:
            let products = max(context.count("Product2"), 1)
            row["Name"] = .text(SampleText.products[index % products % SampleText.products.count])
            row["Pricebook2Id"] = .text(context.id("Pricebook2", index / products % 2))
            row["Product2Id"] = .text(context.id("Product2", index % products))
            row["UnitPrice"] = .decimal(Int64(5_000 + index * 250), scale: 2)
            row["ProductCode"] = .text("SKU-\(1000 + index % products)")
        }
    }
}
