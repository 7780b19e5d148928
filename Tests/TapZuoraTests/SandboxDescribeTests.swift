import Foundation
import Testing
import ZuoraSandbox

@Suite("Zuora sandbox: describe")
struct SandboxDescribeTests {
    static let issueObjects = [
        "Account", "Contact", "Subscription", "RatePlan", "RatePlanCharge", "Product", "ProductRatePlan", "ProductRatePlanCharge",
        "Invoice", "InvoiceItem", "Payment", "Refund", "CreditBalanceAdjustment", "Amendment",
    ]

    /// `<name>` texts directly under each `<object>` of a describe list.
    static func objectNames(_ xml: String) -> [String] {
        xml.components(separatedBy: "<object ").dropFirst().compactMap { chunk in
            guard let start = chunk.range(of: "<name>"), let end = chunk.range(of: "</name>") else { return nil }
            return String(chunk[start.upperBound..<end.lowerBound])
        }
    }

    @Test func listNamesEveryBillingObjectAndEveryListedObjectAnswersWithoutA404() async throws {
        try await ZuoraSandboxTestClient.with { client in
            let token = try await client.login()
            let list = try await client.call(.get, "/v1/describe", token: token)
            #expect(list.status == 200)
            let names = Self.objectNames(list.text)
            #expect(Set(Self.issueObjects).isSubset(of: Set(names)))
            for name in names {
                let describe = try await client.call(.get, "/v1/describe/\(name)", token: token)
                #expect(describe.status != 404, "\(name)")
                if name == "NotificationHistoryCallout" {
                    #expect(describe.status == 400)
                    let message = describe.json["Errors"]?[0]?["Message"]?.stringValue ?? ""
                    #expect(message.contains("noSuchDataSource"))
                } else {
                    #expect(describe.status == 200, "\(name)")
                    #expect(describe.text.contains("<related-objects>"))
                }
            }
        }
    }

    @Test func accountDescribeHasTypesRequiredContextsAndRelatedObjects() async throws {
        try await ZuoraSandboxTestClient.with { client in
            let token = try await client.login()
            let xml = try await client.call(.get, "/v1/describe/Account", token: token).text
            #expect(xml.hasPrefix("<?xml"))
            let fields = xml.components(separatedBy: "<field>").dropFirst()
            #expect(fields.allSatisfy { $0.contains("<required>") && $0.contains("<contexts>") && $0.contains("<type>") })
            let updated = try #require(fields.first { $0.contains("<name>UpdatedDate</name>") })
            #expect(updated.contains("<type>datetime</type>") && updated.contains("<context>export</context>"))
            let hidden = try #require(fields.first { $0.contains("<name>BcdSettingOption</name>") })
            #expect(!hidden.contains("<context>export</context>"))
            let status = try #require(fields.first { $0.contains("<name>Status</name>") })
            #expect(status.contains("<type>picklist</type>") && status.contains("<option>Active</option>"))
            #expect(xml.contains("<name>BillToContact</name>"))
            #expect(xml.contains("<name>SoldToContact</name>"))
        }
    }
}
