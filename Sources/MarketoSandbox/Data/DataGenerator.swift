import SandboxKit

/// Builds the seeded subscription: programs with channels and costs, their campaigns and
/// lists, leads acquired by those programs moving through a status funnel, and activities
/// that reference the leads, programs and campaigns.
struct DataGenerator {
    let seed: UInt64
    let leads: Int
    let anchor: Int
    let historyDays: Int

    func generate() -> MarketoData {
        var data = MarketoData()
        var random = SeededRandom(seed: seed, purpose: "assets")
        let programCount = min(60, max(4, leads / 50))
        let span = historyDays * 86_400
        for index in 0..<programCount {
            let id = 1001 + index
            let topic = SampleText.programTopics[index % SampleText.programTopics.count]
            let name = index < SampleText.programTopics.count ? topic : "\(topic) \(index / SampleText.programTopics.count + 1)"
            let createdAt = anchor - span - Int.random(in: 86_400..<(60 * 86_400), using: &random)
            let updatedAt = min(anchor, createdAt + Int.random(in: 0..<(span + 86_400), using: &random))
            let channel = SampleText.channels[index % SampleText.channels.count]
            let costs = (0..<Int.random(in: 1...3, using: &random)).map { month in
                Program.Cost(startDate: (createdAt / 86_400) + month * 30, cost: Int.random(in: 5...200, using: &random) * 100,
                             note: month == 0 ? "Launch, \"net\" of fees" : "")
            }
            data.programs.append(Program(
                id: id, name: name, description: index % 3 == 0 ? "" : "Program for \(topic.lowercased())",
                type: SampleText.programTypes[index % SampleText.programTypes.count], channel: channel, status: index % 4 == 3 ? "on" : "",
                workspace: index % 5 == 4 ? "EMEA" : "Default", folderID: 10 + index % 3, folderName: ["Marketing Programs", "Events", "Nurture"][index % 3],
                createdAt: createdAt, updatedAt: updatedAt, costs: costs))
            for (offset, kind) in ["batch", "trigger"].enumerated() {
                data.campaigns.append(Campaign(
                    id: 2001 + index * 2 + offset, name: "\(name) - \(kind == "batch" ? "Send" : "Form Fill")", description: offset == 0 ? "" : "Scores & routes, form fills",
                    type: kind, programId: id, programName: name, workspaceName: index % 5 == 4 ? "EMEA" : "Default",
                    createdAt: createdAt + 3_600, updatedAt: min(anchor, updatedAt + 60 * offset), active: kind == "trigger" && index % 2 == 0))
            }
            data.lists.append(StaticList(
                id: 3001 + index, name: "\(name) Attendees", description: "", programName: name,
                workspaceName: index % 5 == 4 ? "EMEA" : "Default", createdAt: createdAt + 7_200, updatedAt: updatedAt))
        }
        for index in 0..<leads {
            var random = SeededRandom(seed: seed, purpose: "lead-\(index)")
            let lead = makeLead(id: index + 1, createdAt: createdAt(index: index, random: &random), programs: data.programs, random: &random)
            data.leads.append(lead)
            for var activity in activities(for: lead, programs: data.programs, random: &random) {
                activity.id = data.activities.count + 1
                data.activities.append(activity)
            }
        }
        data.nextLeadID = leads + 1
        data.activities.sort { ($0.activityDate, $0.id) < ($1.activityDate, $1.id) }
        for index in data.activities.indices { data.activities[index].id = index + 1 }
        data.nextActivityID = data.activities.count + 1
        return data
    }

    /// Mostly random in the history span; in every 97 leads, three land exactly on the same
    /// midnight 30, 31 or 32 days before the anchor, so several leads share a timestamp on the
    /// day boundaries that export windows use.
    private func createdAt(index: Int, random: inout SeededRandom) -> Int {
        if (5...7).contains(index % 97), historyDays > 32 { return anchor - (30 + (index / 97) % 3) * 86_400 }
        return anchor - Int.random(in: 3_600..<(historyDays * 86_400), using: &random)
    }

    func makeLead(id: Int, createdAt: Int, programs: [Program], random: inout SeededRandom) -> Lead {
        let first = random.pick(SampleText.firstNames) ?? "Ana"
        let last = random.pick(SampleText.lastNames) ?? "Lee"
        let program = programs.isEmpty ? nil : programs[Int.random(in: 0..<programs.count, using: &random)]
        let status = random.weighted(SampleText.statusFunnel)
        let updatedAt = id % 11 == 0 ? createdAt : min(anchor, createdAt + Int.random(in: 0..<(20 * 86_400), using: &random))
        let qualified = status == "MQL" || status == "SQL"
        let score = ["New": 0, "Contacted": 10, "Engaged": 35, "MQL": 80, "SQL": 95, "Disqualified": 5][status, default: 0] + Int.random(in: 0..<10, using: &random)
        let emailLocal = String(last.unicodeScalars.filter(\.isASCII).filter { $0.properties.isAlphabetic }).lowercased()
        return Lead(
            id: id, firstName: id % 23 == 0 ? nil : first, lastName: last,
            email: id % 31 == 0 ? nil : "\(emailLocal.isEmpty ? "lead" : emailLocal).\(id)@example.com",
            company: random.pick(SampleText.companies), title: random.chance(0.8) ? random.pick(SampleText.titles) : nil,
            phone: random.chance(0.6) ? "+1 555 \(Int.random(in: 1000...9999, using: &random))" : nil,
            website: random.chance(0.3) ? "https://example.com/\(id)" : nil,
            city: random.pick(SampleText.cities), country: random.pick(SampleText.countries),
            leadSource: program?.channel, leadStatus: status,
            annualRevenue: random.chance(0.5) ? Int.random(in: 1...500, using: &random) * 100_000 : nil,
            numberOfEmployees: random.chance(0.7) ? Int.random(in: 1...20_000, using: &random) : nil,
            leadScore: score, unsubscribed: random.chance(0.05), emailInvalid: id % 31 == 7,
            dateOfBirth: random.chance(0.2) ? Int.random(in: 1_000...12_000, using: &random) : nil,
            mqlDate: qualified ? createdAt + (updatedAt - createdAt) / 2 : nil,
            acquisitionProgramId: program?.id, personNotes: random.chance(0.15) ? random.pick(SampleText.notes) : nil,
            createdAt: createdAt, updatedAt: updatedAt,
            deletedAt: id % 50 == 17 ? min(anchor, updatedAt + 86_400) : nil)
    }

    /// The lead's history: New Lead and Fill Out Form at the same second, visits, an email
    /// chain, score and status changes, and Delete Lead for deleted leads. Ids are assigned
    /// later in date order.
    func activities(for lead: Lead, programs: [Program], random: inout SeededRandom) -> [Activity] {
        let end = lead.deletedAt ?? anchor
        let program = programs.first { $0.id == lead.acquisitionProgramId }
        let programID = program?.id ?? 1001
        let trigger = 2001 + (programID - 1001) * 2 + 1
        let batch = trigger - 1
        func at(_ offset: Int) -> Int { min(end, lead.createdAt + offset) }
        func draw(_ upper: Int) -> Int { Int.random(in: 0..<max(1, upper), using: &random) }
        var result: [Activity] = [
            Activity(id: 0, leadId: lead.id, activityDate: lead.createdAt, activityTypeId: ActivityType.newLead, campaignId: trigger,
                     primaryAttributeValueId: nil, primaryAttributeValue: nil,
                     attributes: [("Source Type", .string("Web form fillout")), ("Form Name", .string("Contact Us"))]),
            Activity(id: 0, leadId: lead.id, activityDate: lead.createdAt, activityTypeId: ActivityType.fillOutForm, campaignId: trigger,
                     primaryAttributeValueId: 500 + programID % 7, primaryAttributeValue: "LP \(program?.name ?? "Default").Form",
                     attributes: [("Client IP Address", .string("10.0.\(lead.id % 250).\(lead.id % 7)")), ("Form Fields", .string("{\"Email\":\"x\",\"Note\":\"a, b\"}")),
                                  ("Webpage ID", .integer(700 + programID % 5))]),
        ]
        let span = max(1, end - lead.createdAt)
        for _ in 0..<draw(4) {
            let page = random.pick(SampleText.pages) ?? "/"
            result.append(Activity(id: 0, leadId: lead.id, activityDate: at(draw(span)), activityTypeId: ActivityType.visitWebpage, campaignId: nil,
                                   primaryAttributeValueId: 700 + page.count, primaryAttributeValue: "example.com\(page)",
                                   attributes: [("Client IP Address", .string("10.1.\(lead.id % 250).9")), ("Webpage URL", .string(page)), ("Query Parameters", .string(""))]))
        }
        for _ in 0..<draw(3) {
            let sent = at(draw(span))
            let mailing = programID * 10 + 1
            let name = "\(program?.name ?? "Default").Email"
            result.append(Activity(id: 0, leadId: lead.id, activityDate: sent, activityTypeId: ActivityType.sendEmail, campaignId: batch,
                                   primaryAttributeValueId: mailing, primaryAttributeValue: name, attributes: [("Campaign Run ID", .integer(9000 + programID)), ("Step ID", .integer(1))]))
            result.append(Activity(id: 0, leadId: lead.id, activityDate: min(end, sent + 5), activityTypeId: ActivityType.emailDelivered, campaignId: batch,
                                   primaryAttributeValueId: mailing, primaryAttributeValue: name, attributes: [("Campaign Run ID", .integer(9000 + programID))]))
            if random.chance(0.5) {
                let mobile = random.chance(0.4)
                result.append(Activity(id: 0, leadId: lead.id, activityDate: min(end, sent + 600), activityTypeId: ActivityType.openEmail, campaignId: batch,
                                       primaryAttributeValueId: mailing, primaryAttributeValue: name, attributes: [("Device", .string(mobile ? "iPhone" : "Desktop")), ("Is Mobile Device", .boolean(mobile))]))
                if random.chance(0.5) {
                    result.append(Activity(id: 0, leadId: lead.id, activityDate: min(end, sent + 660), activityTypeId: ActivityType.clickEmail, campaignId: batch,
                                           primaryAttributeValueId: mailing, primaryAttributeValue: name, attributes: [("Link", .string("https://example.com/offer?a=1,b=2")), ("Is Mobile Device", .boolean(mobile))]))
                }
            }
        }
        if lead.leadScore > 0 {
            result.append(Activity(id: 0, leadId: lead.id, activityDate: at(draw(span)), activityTypeId: ActivityType.changeScore, campaignId: trigger,
                                   primaryAttributeValueId: nil, primaryAttributeValue: "Behavior Score",
                                   attributes: [("Change Value", .string("+\(lead.leadScore)")), ("New Value", .integer(lead.leadScore)), ("Old Value", .integer(0))]))
        }
        if let mql = lead.mqlDate {
            result.append(Activity(id: 0, leadId: lead.id, activityDate: min(end, mql), activityTypeId: ActivityType.changeDataValue, campaignId: trigger,
                                   primaryAttributeValueId: 48, primaryAttributeValue: "Lead Status",
                                   attributes: [("New Value", .string(lead.leadStatus)), ("Old Value", .string("Engaged")), ("Reason", .string("Score > 75, \"hot\""))]))
        }
        if let program {
            result.append(Activity(id: 0, leadId: lead.id, activityDate: at(60), activityTypeId: ActivityType.changeStatusInProgression, campaignId: trigger,
                                   primaryAttributeValueId: program.id, primaryAttributeValue: program.name,
                                   attributes: [("New Status", .string(program.type == "Event" ? "Attended" : "Member")), ("Old Status", .string("Not in Program")), ("Success", .boolean(program.type == "Event"))]))
        }
        if let deleted = lead.deletedAt {
            result.append(Activity(id: 0, leadId: lead.id, activityDate: deleted, activityTypeId: ActivityType.deleteLead, campaignId: nil,
                                   primaryAttributeValueId: lead.id, primaryAttributeValue: [lead.firstName, lead.lastName].compactMap { $0 }.joined(separator: " "),
                                   attributes: [("Remove from CRM", .boolean(false))]))
        }
        return result
    }
}
