import SandboxKit

/// Invoices with items for each subscription charge, payments, and refunds.
extension BillingGenerator {
    /// Generates the account's invoices and returns the open balance in nano-units.
    mutating func generateInvoices(
        accountIndex: Int, accountID: String, account: (created: Int64, updated: Int64), currency: String,
        subscriptions: [(id: String, charges: [(id: String, name: String, mrr: Int64, price: Int64, quantity: Int64)])]
    ) -> Int64 {
        var openBalance: Int64 = 0
        let invoiceCount = subscriptions.isEmpty ? Int.random(in: 0...1, using: &random) : Int.random(in: 1...3, using: &random)
        for invoiceIndex in 0..<invoiceCount {
            let invoiceID = nextID("Invoice")
            let invoice = stamps("Invoice", after: account.created)
            var items: [(subscription: String?, charge: String?, name: String, amount: Int64, quantity: Int64, unit: Int64)] = []
            for subscription in subscriptions {
                for charge in subscription.charges {
                    let amount = charge.mrr > 0 ? charge.mrr : charge.price * charge.quantity
                    items.append((subscription.id, charge.id, charge.name, amount, charge.quantity, charge.price))
                }
            }
            if items.isEmpty { items.append((nil, nil, "Setup fee, one-time", Amount.cents(25_000), 1, Amount.cents(25_000))) }
            if random.chance(0.2) {
                // A discount line: a negative amount.
                let discount = -Amount.cents(Int64.random(in: 500...5_000, using: &random))
                items.append((items[0].subscription, nil, "Discount \"loyalty\"", discount, 1, discount))
            }
            var net: Int64 = 0
            var tax: Int64 = 0
            let start = Int(CivilTime.floorDiv(invoice.created, 86_400))
            for item in items {
                // 8.25 % tax on positive lines, kept to the nano-unit.
                let itemTax = item.amount > 0 ? item.amount / 10_000 * 825 : 0
                net += item.amount
                tax += itemTax
                insert("InvoiceItem", id: nextID("InvoiceItem"), stamps: stamps("InvoiceItem", after: invoice.created), [
                    "InvoiceId": .text(invoiceID), "SubscriptionId": item.subscription.map(ZuoraValue.text) ?? .null,
                    "RatePlanChargeId": item.charge.map(ZuoraValue.text) ?? .null, "ChargeName": .text(item.name),
                    "ChargeAmount": Amount.value(item.amount), "TaxAmount": Amount.value(itemTax),
                    "Quantity": .decimal(String(item.quantity)), "UnitPrice": Amount.value(item.unit),
                    "ServiceStartDate": .date(CivilTime.dateText(days: start)), "ServiceEndDate": .date(CivilTime.dateText(days: start + 29)),
                    "ProcessingType": .integer(item.amount < 0 ? 1 : 0),
                ])
            }
            let total = net + tax
            var paid: Int64 = 0
            var refunded: Int64 = 0
            if total > 0, random.chance(0.7) {
                paid = total
                let paymentID = nextID("Payment")
                let payment = stamps("Payment", after: invoice.created)
                if random.chance(0.12) {
                    refunded = total / 3
                    let refund = stamps("Refund", after: payment.created)
                    insert("Refund", id: nextID("Refund"), stamps: refund, [
                        "AccountId": .text(accountID), "PaymentId": .text(paymentID), "RefundNumber": .text("R-\(String(50_000 + accountIndex * 3 + invoiceIndex))"),
                        "Amount": Amount.value(refunded), "RefundDate": Self.date(refund.created), "Status": .text("Processed"),
                        "Type": .text("External"), "ReasonCode": .text("Standard Refund"), "Comment": .text("Partial refund, per \"goodwill\" policy"),
                    ])
                }
                insert("Payment", id: paymentID, stamps: payment, [
                    "AccountId": .text(accountID), "InvoiceId": .text(invoiceID), "PaymentNumber": .text("P-\(String(70_000 + accountIndex * 3 + invoiceIndex))"),
                    "Amount": Amount.value(paid), "AppliedAmount": Amount.value(paid), "RefundAmount": Amount.value(refunded),
                    "EffectiveDate": Self.date(payment.created), "Status": .text("Processed"),
                    "Type": .text(random.chance(0.5) ? "Electronic" : "External"), "Comment": .text(random.pick(SampleText.notes) ?? ""),
                ])
            }
            openBalance += total - paid
            insert("Invoice", id: invoiceID, stamps: invoice, [
                "AccountId": .text(accountID), "InvoiceNumber": .text("INV\(String(100_000_000 + accountIndex * 3 + invoiceIndex))"),
                "InvoiceDate": Self.date(invoice.created), "DueDate": .date(CivilTime.dateText(days: start + 30)),
                "Status": .text("Posted"), "Amount": Amount.value(total), "AmountWithoutTax": Amount.value(net), "TaxAmount": Amount.value(tax),
                "Balance": Amount.value(total - paid), "PaymentAmount": Amount.value(paid), "RefundAmount": Amount.value(refunded),
                "Comments": .text(random.pick(SampleText.notes) ?? ""), "PaymentTerm": .text("Net 30"), "Currency": .text(currency),
                "Body": .text("<invoice/>"),
            ])
        }
        return openBalance
    }
}
