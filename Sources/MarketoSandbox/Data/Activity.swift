/// One activity of a lead.
struct Activity: Sendable, Hashable {
    /// An attribute value, typed as its JSON.
    enum Value: Sendable, Hashable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
    }

    var id: Int
    var leadId: Int
    /// Seconds since 1970.
    var activityDate: Int
    var activityTypeId: Int
    var campaignId: Int?
    var primaryAttributeValueId: Int?
    var primaryAttributeValue: String?
    var attributes: [(name: String, value: Value)]

    /// Marketo's string id, replacing the integer `id`.
    var marketoGUID: String { String(id) }

    static func == (lhs: Activity, rhs: Activity) -> Bool { lhs.id == rhs.id && lhs.activityDate == rhs.activityDate }
    func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
