import SandboxKit

/// The product catalog every subscription draws from.
struct CatalogCharge {
    var id: String
    var ratePlanID: String
    var name: String
    var chargeType: String
    var billingPeriod: String
    /// List price in nano-units for one unit and one billing period.
    var price: Int64
}

extension BillingGenerator {
    mutating func generateCatalog() -> [[CatalogCharge]] {
        let products = [
            ("Platform", "Base Products"), ("Analytics Add-on", "Add On Services"), ("Support, Premium", "Add On Services"),
            ("Storage \"Pro\"", "Base Products"), ("Onboarding", "Miscellaneous Products"), ("API Calls", "Add On Services"),
        ]
        var ratePlans: [[CatalogCharge]] = []
        for (productIndex, (name, category)) in products.enumerated() {
            let productID = nextID("Product")
            let start = Self.epoch - 400 * 86_400
            insert("Product", id: productID, stamps: (start, start + Int64(productIndex) * 86_400), [
                "Name": .text(name), "SKU": .text("SKU-\(1000 + productIndex)"), "Category": .text(category),
                "Description": .text(productIndex == 3 ? "Fast storage,\nreplicated" : "\(name) product"),
                "EffectiveStartDate": .date("2022-01-01"), "EffectiveEndDate": .date("2099-12-31"),
            ])
            for (planIndex, planName) in ["Monthly", "Annual"].enumerated() {
                let planID = nextID("ProductRatePlan")
                insert("ProductRatePlan", id: planID, stamps: (start, start + 86_400), [
                    "ProductId": .text(productID), "Name": .text("\(name) \(planName)"), "Description": .text("Billed \(planName.lowercased())"),
                    "EffectiveStartDate": .date("2022-01-01"), "EffectiveEndDate": .date("2099-12-31"),
                ])
                var charges: [CatalogCharge] = []
                let chargeCount = productIndex == 4 ? 1 : 1 + productIndex % 2
                for chargeIndex in 0..<chargeCount {
                    let chargeID = nextID("ProductRatePlanCharge")
                    let oneTime = productIndex == 4
                    let usage = productIndex == 5 && chargeIndex == 1
                    let chargeType = oneTime ? "OneTime" : usage ? "Usage" : "Recurring"
                    let period = planIndex == 0 ? "Month" : "Annual"
                    let monthlyCents = Int64(1_900 + productIndex * 2_450 + chargeIndex * 99)
                    let price = Amount.cents(planIndex == 0 ? monthlyCents : monthlyCents * 10) + (usage ? 1_234_567 : 0)
                    let chargeName = chargeIndex == 0 ? "\(name) Fee" : "\(name) Overage"
                    insert("ProductRatePlanCharge", id: chargeID, stamps: (start, start + 2 * 86_400), [
                        "ProductRatePlanId": .text(planID), "Name": .text(chargeName), "ChargeType": .text(chargeType),
                        "ChargeModel": .text(usage ? "Per Unit Pricing" : "Flat Fee Pricing"), "BillingPeriod": .text(period),
                        "DefaultQuantity": .decimal("1"), "UOM": usage ? .text("Each") : .null,
                    ])
                    charges.append(CatalogCharge(id: chargeID, ratePlanID: planID, name: chargeName, chargeType: chargeType, billingPeriod: period, price: price))
                }
                ratePlans.append(charges)
            }
        }
        return ratePlans
    }
}
