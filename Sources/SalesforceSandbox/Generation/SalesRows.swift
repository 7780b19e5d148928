import SandboxKit

/// Seeded rows for the sales objects. Each row depends only on the seed, its object and its
/// number, so generating one object never shifts another's data.
enum SalesRows {
    static func fill(_ row: inout RowBuilder, index: Int, context: GenerationContext, random: inout SeededRandom) {
        switch row.object.name {
        case "Account": account(&row, index, context, &random)
        case "Contact", "Lead": person(&row, index, context, &random)
        case "Opportunity": opportunity(&row, index, context, &random)
        case "OpportunityHistory": history(&row, index, context, &random)
        case "OpportunityFieldHistory": fieldHistory(&row, index, context, &random)
        case "OpportunityLineItem": lineItem(&row, index, context, &random)
        case "Product2", "Pricebook2", "PricebookEntry": catalog(&row, index, context, &random)
        default: OtherRows.fill(&row, index: index, context: context, random: &random)
        }
    }

    /// Common audit values: created in the seeded range, modified up to 400 days later,
    /// SystemModstamp equal to LastModifiedDate or a few seconds after it.
    static func standardAudit(_ row: inout RowBuilder, _ context: GenerationContext, _ random: inout SeededRandom) -> Int64 {
        let created = context.moment(&random, to: GenerationContext.historyEnd - 30 * GenerationContext.day)
        let modified = context.moment(&random, from: created, to: min(GenerationContext.historyEnd, created + 400 * GenerationContext.day))
        let stamp = random.chance(0.3) ? min(GenerationContext.historyEnd, modified + Int64.random(in: 1...5_000, using: &random)) : modified
        row.audit(created: created, modified: modified, stamp: stamp,
                  creator: context.randomID("User", &random), modifier: context.randomID("User", &random))
        row["OwnerId"] = context.randomID("User", &random)
        row["IsDeleted"] = .bool(random.chance(0.02))
        return created
    }

    static func address(_ row: inout RowBuilder, prefix: String, _ random: inout SeededRandom) {
        guard random.chance(0.85), let place = random.pick(SampleText.cities) else { return }
        row[prefix + "Street"] = .text(random.pick(SampleText.streets) ?? "1 Main St")
        row[prefix + "City"] = .text(place.city)
        row[prefix + "State"] = place.state.map(FieldValue.text) ?? .null
        row[prefix + "PostalCode"] = .text(place.postal)
        row[prefix + "Country"] = .text(place.country)
        if random.chance(0.6) {
            row[prefix + "Latitude"] = .decimal(Int64((place.latitude * 1_000_000).rounded()), scale: 6)
            row[prefix + "Longitude"] = .decimal(Int64((place.longitude * 1_000_000).rounded()), scale: 6)
            row[prefix + "GeocodeAccuracy"] = .text(random.pick(["Address", "Street", "City", "Zip"]) ?? "Address")
        }
    }

    static func optionalText(_ random: inout SeededRandom, _ probability: Double, _ choices: [String]) -> FieldValue {
        random.chance(probability) ? .text(random.pick(choices) ?? "") : .null
    }

    private static func account(_ row: inout RowBuilder, _ index: Int, _ context: GenerationContext, _ random: inout SeededRandom) {
        let created = standardAudit(&row, context, &random)
        row["Name"] = .text(SampleText.companyName(&random))
        row["Type"] = .text(random.weighted([("Customer - Direct", 5), ("Prospect", 3), ("Customer - Channel", 1), ("Technology Partner", 1)]))
        row["ParentId"] = random.chance(0.05) && index > 0 ? .text(context.id("Account", Int.random(in: 0..<index, using: &random))) : .null
        address(&row, prefix: "Billing", &random)
        if random.chance(0.5) { address(&row, prefix: "Shipping", &random) }
        row["Phone"] = random.chance(0.8) ? .text("+1 (415) 555-\(1000 + index % 9000)") : .null
        row["Website"] = random.chance(0.7) ? .text("https://www.example\(index).com") : .null
        row["AccountNumber"] = .text("CD\(100_000 + index)")
        row["Industry"] = optionalText(&random, 0.9, OrgSchema.industries)
        row["AnnualRevenue"] = random.chance(0.8) ? .decimal(Int64.random(in: 100_000...5_000_000_000, using: &random), scale: 0) : .null
        row["NumberOfEmployees"] = random.chance(0.8) ? .int(Int64.random(in: 1...250_000, using: &random)) : .null
        row["Ownership"] = optionalText(&random, 0.6, ["Public", "Private", "Subsidiary"])
        row["Rating"] = optionalText(&random, 0.5, ["Hot", "Warm", "Cold"])
        row["Description"] = optionalText(&random, 0.3, SampleText.descriptions)
        row["AccountSource"] = optionalText(&random, 0.7, OrgSchema.leadSources)
        row["LastActivityDate"] = random.chance(0.6) ? .date(GenerationContext.days(context.moment(&random, from: created))) : .null
        if random.chance(0.5) {
            let regions = ["AMER", "EMEA", "APAC", "LATAM"].filter { _ in random.chance(0.5) }
            row["Regions__c"] = regions.isEmpty ? .null : .text(regions.joined(separator: ";"))
        }
        row["Tier__c"] = optionalText(&random, 0.9, ["Enterprise", "Mid-Market", "SMB"])
        if random.chance(0.4), let place = random.pick(SampleText.cities) {
            row["Headquarters__Latitude__s"] = .decimal(Int64((place.latitude * 1_000_000).rounded()), scale: 6)
            row["Headquarters__Longitude__s"] = .decimal(Int64((place.longitude * 1_000_000).rounded()), scale: 6)
        }
    }

    private static func person(_ row: inout RowBuilder, _ index: Int, _ context: GenerationContext, _ random: inout SeededRandom) {
        let created = standardAudit(&row, context, &random)
        let name = SampleText.person(&random)
        let first: String? = random.chance(0.95) ? name.first : nil
        row["FirstName"] = first.map(FieldValue.text) ?? .null
        row["LastName"] = .text(name.last)
        row["Name"] = .text([first, name.last].compactMap { $0 }.joined(separator: " "))
        row["Email"] = random.chance(0.9) ? .text(SampleText.email(first: name.first, last: name.last, number: index)) : .null
        row["Phone"] = random.chance(0.7) ? .text("+44 20 7946 \(String(1000 + index % 9000))") : .null
        row["Title"] = optionalText(&random, 0.7, ["CEO", "CFO", "VP Sales", "Director, IT", "Head of \"Growth\"", "Engineer"])
        row["LeadSource"] = optionalText(&random, 0.7, OrgSchema.leadSources)
        row["Description"] = optionalText(&random, 0.2, SampleText.descriptions)
        if row.object.name == "Contact" {
            row["AccountId"] = random.chance(0.95) ? context.randomID("Account", &random) : .null
            row["Salutation"] = optionalText(&random, 0.5, ["Mr.", "Ms.", "Dr."])
            address(&row, prefix: "Mailing", &random)
            row["MobilePhone"] = random.chance(0.4) ? .text("+1 650 555 \(String(1000 + index % 9000))") : .null
            row["Department"] = optionalText(&random, 0.5, ["Sales", "Finance", "IT", "Operations"])
            row["Birthdate"] = random.chance(0.3) ? .date(Int.random(in: -7_300...10_000, using: &random)) : .null
            row["HasOptedOutOfEmail"] = .bool(random.chance(0.1))
            row["LastActivityDate"] = random.chance(0.5) ? .date(GenerationContext.days(context.moment(&random, from: created))) : .null
        } else {
            row["Company"] = .text(SampleText.companyName(&random))
            address(&row, prefix: "", &random)
            let status = random.weighted(OrgSchema.leadStatuses.map { ($0, $0 == "Closed - Converted" ? 2 : 3) })
            row["Status"] = .text(status)
            row["Industry"] = optionalText(&random, 0.6, OrgSchema.industries)
            row["Rating"] = optionalText(&random, 0.5, ["Hot", "Warm", "Cold"])
            row["AnnualRevenue"] = random.chance(0.5) ? .decimal(Int64.random(in: 50_000...900_000_000, using: &random), scale: 0) : .null
            row["NumberOfEmployees"] = random.chance(0.5) ? .int(Int64.random(in: 1...50_000, using: &random)) : .null
            row["Website"] = random.chance(0.4) ? .text("https://lead\(index).example.org/path?q=1&r=2") : .null
            if status == "Closed - Converted" {
                row["IsConverted"] = .bool(true)
                row["ConvertedDate"] = .date(GenerationContext.days(context.moment(&random, from: created)))
                row["ConvertedAccountId"] = context.randomID("Account", &random)
                row["ConvertedContactId"] = context.randomID("Contact", &random)
                row["ConvertedOpportunityId"] = context.randomID("Opportunity", &random)
            }
        }
    }
}
