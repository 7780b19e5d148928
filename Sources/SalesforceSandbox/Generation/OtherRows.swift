import Foundation
import SandboxKit

/// Seeded rows for users, campaigns, activities, cases, contracts, invoices and the
/// edge-case objects.
enum OtherRows {
    static func fill(_ row: inout RowBuilder, index: Int, context: GenerationContext, random: inout SeededRandom) {
        let created = SalesRows.standardAudit(&row, context, &random)
        let later = context.moment(&random, from: created)
        switch row.object.name {
        case "User":
            let name = SampleText.person(&random)
            row["IsDeleted"] = .null
            row["FirstName"] = .text(name.first)
            row["LastName"] = .text(name.last)
            row["Name"] = .text("\(name.first) \(name.last)")
            row["Username"] = .text(SampleText.email(first: name.first, last: name.last, number: index).replacingOccurrences(of: "example.com", with: "sandbox.example.org"))
            row["Email"] = .text(SampleText.email(first: name.first, last: name.last, number: index))
            row["Alias"] = .text(String((name.first.prefix(1) + name.last).prefix(8)))
            row["IsActive"] = .bool(index % 10 != 9)
            row["Title"] = SalesRows.optionalText(&random, 0.8, ["Account Executive", "Sales Manager", "SDR", "VP Sales", "Solutions Engineer"])
            row["Department"] = SalesRows.optionalText(&random, 0.8, ["Sales", "Marketing", "Customer Success"])
            row["TimeZoneSidKey"] = .text(random.pick(["America/Los_Angeles", "America/New_York", "Europe/Paris", "Asia/Tokyo"]) ?? "Europe/Paris")
            row["UserType"] = .text("Standard")
            row["ManagerId"] = index > 0 ? .text(context.id("User", index / 5)) : .null
            row["LastLoginDate"] = .dateTime(later)
        case "Campaign":
            row["Name"] = .text("\(2023 + index % 3) \(random.pick(["Spring", "Summer", "Autumn", "Winter"]) ?? "Spring") \(random.pick(["Webinar", "Roadshow", "Launch", "Nurture"]) ?? "Launch") #\(index)")
            row["Type"] = .text(random.pick(["Conference", "Webinar", "Email", "Trade Show", "Advertisement"]) ?? "Email")
            row["Status"] = .text(random.pick(["Planned", "In Progress", "Completed"]) ?? "Planned")
            row["StartDate"] = .date(GenerationContext.days(created))
            row["EndDate"] = .date(GenerationContext.days(created) + 30)
            row["BudgetedCost"] = .decimal(Int64.random(in: 1_000...200_000, using: &random), scale: 0)
            row["ActualCost"] = random.chance(0.7) ? .decimal(Int64.random(in: 1_000...250_000, using: &random), scale: 0) : .null
            row["ExpectedRevenue"] = .decimal(Int64.random(in: 10_000...2_000_000, using: &random), scale: 0)
            row["ExpectedResponse"] = .decimal(Int64.random(in: 0...10_000, using: &random), scale: 2)
            row["NumberSent"] = .decimal(Int64.random(in: 0...100_000, using: &random), scale: 0)
            row["IsActive"] = .bool(random.chance(0.6))
            for field in ["NumberOfLeads", "NumberOfContacts", "NumberOfOpportunities", "NumberOfWonOpportunities"] {
                row[field] = .int(Int64.random(in: 0...500, using: &random))
            }
            row["AmountAllOpportunities"] = .decimal(Int64.random(in: 0...5_000_000, using: &random), scale: 0)
            row["AmountWonOpportunities"] = .decimal(Int64.random(in: 0...2_000_000, using: &random), scale: 0)
        case "CampaignMember":
            row["CampaignId"] = context.randomID("Campaign", &random)
            if random.chance(0.5) { row["LeadId"] = context.randomID("Lead", &random) } else { row["ContactId"] = context.randomID("Contact", &random) }
            let responded = random.chance(0.3)
            row["Status"] = .text(responded ? "Responded" : "Sent")
            row["HasResponded"] = .bool(responded)
            row["FirstRespondedDate"] = responded ? .date(GenerationContext.days(later)) : .null
        case "Task", "Event":
            activity(&row, index, context, &random, created: created, later: later)
        case "Case":
            row["CaseNumber"] = .text(String(format6(index + 1)))
            row["AccountId"] = context.randomID("Account", &random)
            row["ContactId"] = random.chance(0.8) ? context.randomID("Contact", &random) : .null
            let status = random.pick(["New", "Working", "Escalated", "Closed"]) ?? "New"
            row["Status"] = .text(status)
            row["IsClosed"] = .bool(status == "Closed")
            row["ClosedDate"] = status == "Closed" ? .dateTime(later) : .null
            row["IsEscalated"] = .bool(status == "Escalated")
            row["Type"] = SalesRows.optionalText(&random, 0.7, ["Mechanical", "Electrical", "Electronic", "Structural", "Other"])
            row["Reason"] = SalesRows.optionalText(&random, 0.6, ["Installation", "Performance", "Breakdown", "Feedback"])
            row["Origin"] = .text(random.pick(["Phone", "Email", "Web"]) ?? "Web")
            row["Subject"] = .text(random.pick(["Cannot log in", "Invoice question", "Feature request: \"dark mode\"", "Outage, urgent"]) ?? "Question")
            row["Priority"] = .text(random.pick(["High", "Medium", "Low"]) ?? "Medium")
            row["Description"] = SalesRows.optionalText(&random, 0.5, SampleText.descriptions)
            row["SuppliedEmail"] = random.chance(0.3) ? .text("customer\(index)@example.net") : .null
        case "Contract":
            row["AccountId"] = context.randomID("Account", &random)
            let start = GenerationContext.days(created)
            let term = [12, 24, 36][index % 3]
            row["StartDate"] = .date(start)
            row["ContractTerm"] = .int(Int64(term))
            row["EndDate"] = .date(start + term * 365 / 12)
            let status = random.pick(["Draft", "In Approval Process", "Activated"]) ?? "Draft"
            row["Status"] = .text(status)
            row["ActivatedDate"] = status == "Activated" ? .dateTime(later) : .null
            row["ContractNumber"] = .text(format6(index + 100))
            row["Annual_Value__c"] = SalesRows.amount(&random)
        case "Invoice__c":
            invoice(&row, index, context, &random, created: created)
        case "Attachment":
            row["ParentId"] = context.randomID(random.pick(["Account", "Opportunity", "Case"]) ?? "Account", &random)
            row["Name"] = .text(random.pick(["contract.pdf", "logo.png", "notes, final.docx", "データ.csv"]) ?? "file.bin")
            row["ContentType"] = .text(random.pick(["application/pdf", "image/png", "text/csv"]) ?? "application/pdf")
            row["BodyLength"] = .int(Int64.random(in: 10...5_000_000, using: &random))
            row["Body"] = .text("binary")
        case "ActivityFieldHistory":
            row["ActivityId"] = context.randomID(random.chance(0.5) ? "Task" : "Event", &random)
            row["FieldName"] = .text(random.pick(["Status", "Priority", "Subject", "ActivityDate"]) ?? "Status")
            row["OldValueText"] = SalesRows.optionalText(&random, 0.8, ["Not Started", "Normal", "Call"])
            row["NewValueText"] = .text(random.pick(["Completed", "High", "Follow up"]) ?? "Completed")
            row["ChangedDate"] = row["CreatedDate"]
        case "RecentlyViewed":
            row["Name"] = .text(SampleText.companyName(&random))
            row["Type"] = .text("Account")
            row["LastViewedDate"] = .dateTime(later)
            row["LastReferencedDate"] = .dateTime(later)
        case "TaskPriority":
            let names = ["High", "Normal", "Low"]
            row["MasterLabel"] = .text(names[index % 3])
            row["ApiName"] = .text(names[index % 3])
            row["SortOrder"] = .int(Int64(index + 1))
            row["IsDefault"] = .bool(index == 1)
            row["IsHighPriority"] = .bool(index == 0)
        default:
            row["Name"] = .text("Row \(index)")
        }
    }

    private static func activity(_ row: inout RowBuilder, _ index: Int, _ context: GenerationContext, _ random: inout SeededRandom, created: Int64, later: Int64) {
        row["WhoId"] = random.chance(0.7) ? context.randomID(random.chance(0.6) ? "Contact" : "Lead", &random) : .null
        row["WhatId"] = random.chance(0.7) ? context.randomID(random.pick(["Account", "Opportunity", "Case"]) ?? "Account", &random) : .null
        row["AccountId"] = random.chance(0.6) ? context.randomID("Account", &random) : .null
        row["Subject"] = .text(random.pick(SampleText.subjects) ?? "Call")
        row["ActivityDate"] = .date(GenerationContext.days(later))
        row["Description"] = SalesRows.optionalText(&random, 0.3, SampleText.descriptions)
        row["IsArchived"] = .bool(random.chance(0.05))
        if row.object.name == "Event" {
            let start = later
            let minutes = Int64([15, 30, 60, 90][index % 4])
            row["ActivityDateTime"] = .dateTime(start)
            row["StartDateTime"] = .dateTime(start)
            row["EndDateTime"] = .dateTime(start + minutes * 60_000)
            row["DurationInMinutes"] = .int(minutes)
            row["Location"] = SalesRows.optionalText(&random, 0.5, ["Zoom", "HQ, Room 4", "Café Central", "東京オフィス"])
            row["ShowAs"] = .text("Busy")
        } else {
            let status = random.pick(["Not Started", "In Progress", "Completed", "Deferred"]) ?? "Completed"
            row["Status"] = .text(status)
            row["Priority"] = .text(random.weighted([("Normal", 6), ("High", 2), ("Low", 2)]))
            row["IsClosed"] = .bool(status == "Completed")
            row["TaskSubtype"] = .text(random.pick(["Task", "Email", "Call"]) ?? "Task")
            row["CallDurationInSeconds"] = random.chance(0.3) ? .int(Int64.random(in: 10...3_600, using: &random)) : .null
            row["CompletedDateTime"] = status == "Completed" ? .dateTime(later) : .null
        }
    }

    private static func invoice(_ row: inout RowBuilder, _ index: Int, _ context: GenerationContext, _ random: inout SeededRandom, created: Int64) {
        row["Name"] = .text("INV-\(format6(index + 1))")
        row["Account__c"] = context.randomID("Account", &random)
        row["Opportunity__c"] = random.chance(0.8) ? context.randomID("Opportunity", &random) : .null
        let total: Int64 = index % 97 == 5 ? 999_999_999_999_999_999 : Int64.random(in: -50_000...90_000_000, using: &random)
        let paid: Int64 = random.chance(0.5) ? total : Int64.random(in: 0...max(0, total), using: &random)
        row["Total__c"] = .decimal(total, scale: 2)
        row["Amount_Paid__c"] = .decimal(paid, scale: 2)
        let (balance, overflow) = total.subtractingReportingOverflow(paid)
        row["Balance__c"] = overflow ? .null : .decimal(balance, scale: 2)
        row["Exchange_Rate__c"] = .decimal(Int64.random(in: 50_000_000...250_000_000, using: &random), scale: 8)
        row["Tax_Rate__c"] = .decimal(Int64.random(in: 0...27_500, using: &random), scale: 3)
        row["Due_Date__c"] = .date(GenerationContext.days(created) + 30)
        row["Paid__c"] = .bool(paid == total)
        row["Status__c"] = .text(paid == total ? "Paid" : (random.pick(["Draft", "Sent", "Overdue", "Void"]) ?? "Sent"))
        let tags = ["Priority", "Disputed", "Auto-Renew", "Manual", "Partner"].filter { _ in random.chance(0.3) }
        row["Tags__c"] = tags.isEmpty ? .null : .text(tags.joined(separator: ";"))
        row["Cutoff_Time__c"] = random.chance(0.7) ? .time(Int.random(in: 0..<86_400, using: &random) * 1000) : .null
        row["Billing_Email__c"] = .text("billing+\(index)@example.com")
        row["Portal_URL__c"] = random.chance(0.5) ? .text("https://portal.example.com/invoices/\(index)?lang=fr&x=\"1\"") : .null
        row["Notes__c"] = SalesRows.optionalText(&random, 0.4, SampleText.descriptions + SampleText.awkwardNames)
        row["Days_Open__c"] = .int(Int64((GenerationContext.historyEnd - created) / GenerationContext.day))
        row["Line_Count__c"] = .decimal(Int64.random(in: 1...40, using: &random), scale: 0)
    }

    private static func format6(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 8 - text.count)) + text
    }
}
