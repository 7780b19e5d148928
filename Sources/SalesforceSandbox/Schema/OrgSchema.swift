/// The sandbox org's objects in describeGlobal order, looked up case-insensitively as SOQL
/// and URLs name them.
struct OrgSchema: Sendable {
    let objects: [ObjectDefinition]
    private let index: [String: Int]

    init(objects: [ObjectDefinition]) {
        self.objects = objects
        var index: [String: Int] = [:]
        for (position, object) in objects.enumerated() { index[object.name.lowercased()] = position }
        self.index = index
    }

    /// The object named `name` (any case).
    func object(named name: String) -> ObjectDefinition? {
        index[name.lowercased()].map { objects[$0] }
    }

    /// The standard sandbox org.
    static let standard = OrgSchema(objects: [
        account, activityFieldHistory, notQueryable("AccountChangeEvent", label: "Account Change Event", prefix: nil),
        notQueryable("AggregateResult", label: "Aggregate Result", prefix: nil), attachment, campaign, campaignMember, caseObject,
        contact, contract, activity(name: "Event", prefix: "00U", rows: { $0 / 2 }, event: true), invoice, lead,
        opportunity, notQueryable("OpportunityChangeEvent", label: "Opportunity Change Event", prefix: nil),
        opportunityFieldHistory, opportunityHistory, opportunityLineItem, pricebook, pricebookEntry, product,
        recentlyViewed, activity(name: "Task", prefix: "00T", rows: { $0 }, event: false), taskPriority, user,
        notQueryable("UserRecordAccess", label: "User Record Access", prefix: nil),
    ].sorted { $0.name < $1.name })
}
