/// A snapshot of the subscription's data; values, so exports and pages read a consistent copy.
struct MarketoData: Sendable {
    var leads: [Lead] = []
    /// Sorted by `activityDate`, then `id` (ids grow with time, as Marketo's do).
    var activities: [Activity] = []
    var programs: [Program] = []
    var campaigns: [Campaign] = []
    var lists: [StaticList] = []
    var nextLeadID = 1
    var nextActivityID = 1
    var changeRounds = 0

    /// Leads not deleted.
    var liveLeads: some Sequence<Lead> { leads.lazy.filter { $0.deletedAt == nil } }
}
