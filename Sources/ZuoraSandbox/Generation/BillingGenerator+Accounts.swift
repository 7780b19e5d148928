import SandboxKit

/// One account and everything billed to it.
extension BillingGenerator {
    mutating func generateAccount(_ index: Int, catalog: [[CatalogCharge]]) {
        let accountID = nextID("Account")
        let account = stamps("Account")
        let currency = random.weighted([("USD", 6), ("EUR", 2), ("GBP", 1), ("JPY", 1)])
        var contactIDs: [String] = []
        for contactIndex in 0..<(1 + Int.random(in: 0...1, using: &random)) {
            let contactID = nextID("Contact")
            contactIDs.append(contactID)
            let first = random.pick(SampleText.firstNames) ?? "Ada"
            let last = random.pick(SampleText.lastNames) ?? "Lovelace"
            let city = Int.random(in: 0..<SampleText.cities.count, using: &random)
            insert("Contact", id: contactID, stamps: stamps("Contact", after: account.created), [
                "AccountId": .text(accountID), "FirstName": .text(first), "LastName": .text(last),
                "WorkEmail": contactIndex == 1 && index % 4 == 0 ? .null : .text("contact\(index)-\(contactIndex)@example.com"),
                "City": .text(SampleText.cities[city]), "Country": .text(SampleText.countries[city]),
                "Description": .text(random.pick(SampleText.notes) ?? ""),
            ])
        }

        var mrrTotal: Int64 = 0
        var subscriptions: [(id: String, charges: [(id: String, name: String, mrr: Int64, price: Int64, quantity: Int64)])] = []
        let subscriptionCount = random.weighted([(0, 1), (1, 6), (2, 3)])
        for subscriptionIndex in 0..<subscriptionCount {
            let subscriptionID = nextID("Subscription")
            let subscription = stamps("Subscription", after: account.created)
            let term = random.weighted([(12, 6), (24, 2), (36, 1)])
            let startDay = Int(CivilTime.floorDiv(subscription.created, 86_400))
            let cancelled = random.chance(0.1)
            var amendmentID: String?
            if random.chance(0.3) {
                let id = nextID("Amendment")
                amendmentID = id
                let amended = stamps("Amendment", after: subscription.created)
                insert("Amendment", id: id, stamps: amended, [
                    "SubscriptionId": .text(subscriptionID), "Name": .text("Add-on, mid-term"), "Code": .text("A-\(String(index * 10 + subscriptionIndex))"),
                    "Type": .text("NewProduct"), "Status": .text("Completed"), "EffectiveDate": Self.date(amended.created),
                    "Description": .text(random.pick(SampleText.notes) ?? ""),
                ])
            }
            var charges: [(id: String, name: String, mrr: Int64, price: Int64, quantity: Int64)] = []
            let planCount = amendmentID == nil ? 1 + Int.random(in: 0...1, using: &random) : 2
            for planIndex in 0..<planCount {
                guard let plan = random.pick(catalog), let first = plan.first else { continue }
                let ratePlanID = nextID("RatePlan")
                let viaAmendment = planIndex == 1 ? amendmentID : nil
                insert("RatePlan", id: ratePlanID, stamps: stamps("RatePlan", after: subscription.created), [
                    "SubscriptionId": .text(subscriptionID), "ProductRatePlanId": .text(first.ratePlanID),
                    "AmendmentId": viaAmendment.map(ZuoraValue.text) ?? .null, "Name": .text(first.name),
                    "AmendmentType": viaAmendment == nil ? .null : .text("NewProduct"),
                ])
                for charge in plan {
                    let chargeID = nextID("RatePlanCharge")
                    let quantity = Int64(random.weighted([(1, 5), (5, 2), (25, 1)]))
                    let perPeriod = charge.price * quantity
                    // Annual charges spread over 12 months give MRR with many decimals.
                    let mrr: Int64 = charge.chargeType == "Recurring" ? (charge.billingPeriod == "Annual" ? perPeriod / 12 : perPeriod) : 0
                    let tcv = charge.chargeType == "Recurring" ? mrr * Int64(term) : perPeriod
                    if !cancelled { mrrTotal += mrr }
                    charges.append((chargeID, charge.name, mrr, charge.price, quantity))
                    insert("RatePlanCharge", id: chargeID, stamps: stamps("RatePlanCharge", after: subscription.created), [
                        "RatePlanId": .text(ratePlanID), "ProductRatePlanChargeId": .text(charge.id), "Name": .text(charge.name),
                        "ChargeNumber": .text("C-\(String(100_000 + (serials["RatePlanCharge"] ?? 0)))"), "ChargeType": .text(charge.chargeType),
                        "BillingPeriod": .text(charge.billingPeriod), "Quantity": .decimal(String(quantity)), "Price": Amount.value(charge.price),
                        "MRR": Amount.value(mrr), "TCV": Amount.value(tcv), "DMRC": Amount.value(mrr), "DTCV": Amount.value(tcv),
                        "EffectiveStartDate": .date(CivilTime.dateText(days: startDay)),
                        "EffectiveEndDate": .date(CivilTime.dateText(days: startDay + term * 30)),
                        "IsLastSegment": .boolean(true), "Segment": .integer(1),
                    ])
                }
            }
            insert("Subscription", id: subscriptionID, stamps: subscription, [
                "AccountId": .text(accountID), "InvoiceOwnerId": .text(accountID), "Name": .text("A-S\(String(100_000 + index * 3 + subscriptionIndex))"),
                "Status": .text(cancelled ? "Cancelled" : "Active"), "TermType": .text("TERMED"), "Version": .integer(amendmentID == nil ? 1 : 2),
                "AutoRenew": .boolean(random.chance(0.7)), "InitialTerm": .integer(term), "RenewalTerm": .integer(12),
                "ContractEffectiveDate": .date(CivilTime.dateText(days: startDay)), "SubscriptionStartDate": .date(CivilTime.dateText(days: startDay)),
                "SubscriptionEndDate": cancelled ? .date(CivilTime.dateText(days: startDay + 90)) : .null,
                "TermStartDate": .date(CivilTime.dateText(days: startDay)), "TermEndDate": .date(CivilTime.dateText(days: startDay + term * 30)),
                "Notes": .text(random.pick(SampleText.notes) ?? ""),
            ])
            subscriptions.append((subscriptionID, charges))
        }

        let balance = generateInvoices(accountIndex: index, accountID: accountID, account: account, currency: currency, subscriptions: subscriptions)
        var credit: Int64 = 0
        if random.chance(0.15) {
            let amount = Amount.cents(Int64.random(in: 100...50_000, using: &random))
            let increase = random.chance(0.6)
            credit = increase ? amount : 0
            let adjusted = stamps("CreditBalanceAdjustment", after: account.created)
            insert("CreditBalanceAdjustment", id: nextID("CreditBalanceAdjustment"), stamps: adjusted, [
                "AccountId": .text(accountID), "Number": .text("CBA-\(String(10_000 + index))"), "Amount": Amount.value(amount),
                "Type": .text(increase ? "Increase" : "Decrease"), "AdjustmentDate": Self.date(adjusted.created),
                "ReasonCode": .text("Standard Adjustment"), "Comment": .text(random.pick(SampleText.notes) ?? ""),
            ])
        }
        let name = SampleText.companies[index % SampleText.companies.count] + (index < SampleText.companies.count ? "" : " \(index)")
        insert("Account", id: accountID, stamps: account, [
            "AccountNumber": .text("A\(String(10_000_000 + index))"), "Name": .text(name),
            "Status": .text(subscriptionCount == 0 ? "Draft" : "Active"), "Currency": .text(currency),
            "Balance": Amount.value(balance - credit), "CreditBalance": Amount.value(credit), "MRR": Amount.value(mrrTotal),
            "AutoPay": .boolean(random.chance(0.5)), "BillCycleDay": .integer(Int.random(in: 1...28, using: &random)),
            "PaymentTerm": .text(random.pick(["Due Upon Receipt", "Net 30", "Net 45"]) ?? "Net 30"),
            "Notes": .text(random.pick(SampleText.notes) ?? ""), "BillToId": .text(contactIDs[0]),
            "SoldToId": .text(contactIDs[contactIDs.count - 1]), "LastMetricsUpdate": .dateTime(account.updated),
            "BcdSettingOption": .text("ManualSet"),
        ])
    }
}
