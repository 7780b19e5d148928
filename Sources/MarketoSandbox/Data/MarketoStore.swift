import SandboxKit
import Synchronization

/// The subscription's data behind the API, and the ground truth tests compare against.
/// Reads take a snapshot (copy-on-write arrays), so an export or page sees one state.
public final class MarketoStore: Sendable {
    private let data: Mutex<MarketoData>
    let seed: UInt64
    /// The newest generated timestamp (seconds since 1970).
    public let anchorSeconds: Int

    init(seed: UInt64, leads: Int, anchor: Int, historyDays: Int) {
        self.seed = seed
        anchorSeconds = anchor
        data = Mutex(DataGenerator(seed: seed, leads: leads, anchor: anchor, historyDays: historyDays).generate())
    }

    /// A consistent copy of everything.
    var snapshot: MarketoData { data.withLock { $0 } }

    /// Ids of leads that exist (not deleted), ascending.
    public var liveLeadIDs: [Int] { snapshot.liveLeads.map(\.id) }
    /// Ids of deleted leads, ascending.
    public var deletedLeadIDs: [Int] { snapshot.leads.filter { $0.deletedAt != nil }.map(\.id) }
    /// Number of activities of each type id.
    public var activityCounts: [Int: Int] {
        snapshot.activities.reduce(into: [:]) { $0[$1.activityTypeId, default: 0] += 1 }
    }
    /// Program, campaign and list ids.
    public var programIDs: [Int] { snapshot.programs.map(\.id) }
    public var campaignIDs: [Int] { snapshot.campaigns.map(\.id) }
    public var listIDs: [Int] { snapshot.lists.map(\.id) }

    /// Ids of live leads whose `field` (`createdAt` or `updatedAt`) lies in `[start, end]`
    /// (seconds, both ends inclusive, as bulk export filters match).
    public func leadIDs(_ field: String, from start: Int, through end: Int) -> [Int] {
        snapshot.liveLeads.filter { lead in
            let value = field == "updatedAt" ? lead.updatedAt : lead.createdAt
            return value >= start && value <= end
        }.map(\.id)
    }

    /// `marketoGUID`s of activities whose `activityDate` lies in `[start, end]` (seconds, both
    /// ends inclusive), of the given types (all when empty), in date order — what a bulk
    /// activity export with that filter returns (Delete Lead never is).
    public func activityGUIDs(types: Set<Int> = [], from start: Int, through end: Int) -> [String] {
        snapshot.activities.filter { activity in
            activity.activityTypeId != ActivityType.deleteLead && activity.activityDate >= start && activity.activityDate <= end
                && (types.isEmpty || types.contains(activity.activityTypeId))
        }.map(\.marketoGUID)
    }

    /// One lead's fields as Marketo writes them (`nil` = empty), for any lead, deleted or not.
    public func leadValues(id: Int) -> [String: String?]? {
        guard let lead = snapshot.leads.first(where: { $0.id == id }) else { return nil }
        var values: [String: String?] = [:]
        for field in LeadField.allCases where field.hasREST { values[field.rawValue] = lead.text(field) }
        return values
    }

    /// Applies one deterministic round of changes stamped `now` (seconds): ~5% of live leads
    /// updated (with a Change Score activity), ~1% deleted (Delete Lead), ~2% inserted (New
    /// Lead), one program and its campaigns touched.
    func applyChanges(now: Int) -> MarketoChangeSummary {
        data.withLock { data in
            data.changeRounds += 1
            let round = data.changeRounds
            var random = SeededRandom(seed: seed, purpose: "changes-\(round)")
            var summary = MarketoChangeSummary(round: round, timestamp: now)
            let live = data.leads.indices.filter { data.leads[$0].deletedAt == nil }
            var newActivities: [Activity] = []
            func add(_ activity: Activity) {
                var activity = activity
                activity.id = data.nextActivityID
                data.nextActivityID += 1
                newActivities.append(activity)
            }
            for index in live {
                if random.chance(0.01) {
                    data.leads[index].deletedAt = now
                    summary.deletedLeads.append(data.leads[index].id)
                    add(Activity(id: 0, leadId: data.leads[index].id, activityDate: now, activityTypeId: ActivityType.deleteLead, campaignId: nil,
                                 primaryAttributeValueId: data.leads[index].id, primaryAttributeValue: data.leads[index].lastName, attributes: [("Remove from CRM", .boolean(false))]))
                } else if random.chance(0.05) {
                    let old = data.leads[index].leadScore
                    data.leads[index].leadScore = old + 5
                    data.leads[index].updatedAt = now
                    summary.updatedLeads.append(data.leads[index].id)
                    add(Activity(id: 0, leadId: data.leads[index].id, activityDate: now, activityTypeId: ActivityType.changeScore, campaignId: nil,
                                 primaryAttributeValueId: nil, primaryAttributeValue: "Behavior Score",
                                 attributes: [("Change Value", .string("+5")), ("New Value", .integer(old + 5)), ("Old Value", .integer(old))]))
                }
            }
            let generator = DataGenerator(seed: seed, leads: 0, anchor: now, historyDays: 1)
            for _ in 0..<max(1, live.count / 50) {
                let lead = generator.makeLead(id: data.nextLeadID, createdAt: now, programs: data.programs, random: &random)
                var inserted = lead
                inserted.updatedAt = now
                inserted.deletedAt = nil
                inserted.mqlDate = nil
                data.nextLeadID += 1
                data.leads.append(inserted)
                summary.insertedLeads.append(inserted.id)
                add(Activity(id: 0, leadId: inserted.id, activityDate: now, activityTypeId: ActivityType.newLead, campaignId: nil,
                             primaryAttributeValueId: nil, primaryAttributeValue: nil, attributes: [("Source Type", .string("API"))]))
            }
            if !data.programs.isEmpty {
                let index = (round - 1) % data.programs.count
                data.programs[index].updatedAt = now
                summary.updatedPrograms.append(data.programs[index].id)
                for campaign in data.campaigns.indices where data.campaigns[campaign].programId == data.programs[index].id {
                    data.campaigns[campaign].updatedAt = now
                    summary.updatedCampaigns.append(data.campaigns[campaign].id)
                }
            }
            data.activities += newActivities
            summary.insertedActivities = newActivities.count
            return summary
        }
    }
}

/// What one change round did.
public struct MarketoChangeSummary: Sendable, Hashable {
    public var round: Int
    /// Seconds since 1970 stamped on every change.
    public var timestamp: Int
    public var updatedLeads: [Int] = []
    public var deletedLeads: [Int] = []
    public var insertedLeads: [Int] = []
    public var updatedPrograms: [Int] = []
    public var updatedCampaigns: [Int] = []
    public var insertedActivities = 0
}
