import SandboxKit
import Singer

/// `GET /rest/v1/activities/pagingtoken.json?sinceDatetime=`, `GET /rest/v1/activities.json`
/// (activityTypeIds, nextPageToken, optional leadIds, batchSize ≤ 300) and
/// `GET /rest/v1/activities/deletedleads.json`. Responses always carry `nextPageToken`
/// (the position reached) and `moreResult`.
extension MarketoAPI {
    func pagingToken(_ request: SandboxRequest) throws -> SandboxResponse {
        guard let since = try dateParameter(request, "sinceDatetime") else { throw MarketoError.missing("sinceDatetime") }
        return Envelope.success(requestID: requestID(), result: nil, nextPageToken: PageToken.activity(date: since, afterID: -1))
    }

    func activities(_ request: SandboxRequest) throws -> SandboxResponse {
        guard let idsText = request.query["activityTypeIds"], !idsText.isEmpty else { throw MarketoError.missing("activityTypeIds") }
        let ids = idsText.split(separator: ",").map { Int($0.trimmingCharacters(in: " ")) }
        guard ids.allSatisfy({ $0 != nil }), (1...10).contains(ids.count) else {
            throw MarketoError.invalidValue("activityTypeIds must be 1 to 10 integers: \(idsText)")
        }
        var leadFilter: Set<Int>?
        if let leadText = request.query["leadIds"], !leadText.isEmpty {
            let leads = leadText.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: " ")) }
            guard leads.count <= 30 else { throw MarketoError.invalidValue("leadIds accepts at most 30 ids") }
            leadFilter = Set(leads)
        }
        let types = Set(ids.compactMap { $0 })
        return try activityPage(request) { types.contains($0.activityTypeId) && (leadFilter?.contains($0.leadId) ?? true) }
    }

    func deletedLeads(_ request: SandboxRequest) throws -> SandboxResponse {
        try activityPage(request) { $0.activityTypeId == ActivityType.deleteLead }
    }

    private func activityPage(_ request: SandboxRequest, where include: (Activity) -> Bool) throws -> SandboxResponse {
        guard let token = request.query["nextPageToken"], !token.isEmpty else { throw MarketoError.missing("nextPageToken") }
        let position = try PageToken.activityPosition(from: token)
        let batch = try intParameter(request, "batchSize", default: 300)
        guard (1...300).contains(batch) else { throw MarketoError.invalidValue("batchSize must be between 1 and 300") }
        let all = store.snapshot.activities
        var page: [Activity] = []
        var more = false
        var last = position
        for activity in all where (activity.activityDate, activity.id) > (position.date, position.afterID) && include(activity) {
            if page.count == batch {
                more = true
                break
            }
            page.append(activity)
            last = (activity.activityDate, activity.id)
        }
        let result = page.map(Self.activityJSON)
        return Envelope.success(requestID: requestID(), result: result.isEmpty ? nil : result,
                                nextPageToken: PageToken.activity(date: last.date, afterID: last.afterID), moreResult: more)
    }

    static func activityJSON(_ activity: Activity) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .int(activity.id)), ("marketoGUID", .string(activity.marketoGUID)), ("leadId", .int(activity.leadId)),
            ("activityDate", .string(MarketoTime.format(activity.activityDate))), ("activityTypeId", .int(activity.activityTypeId)),
        ]
        if let campaign = activity.campaignId { pairs.append(("campaignId", .int(campaign))) }
        if let id = activity.primaryAttributeValueId { pairs.append(("primaryAttributeValueId", .int(id))) }
        if let value = activity.primaryAttributeValue { pairs.append(("primaryAttributeValue", .string(value))) }
        let attributes = activity.attributes.filter { if case .string(let text) = $0.value { !text.isEmpty } else { true } }
        if !attributes.isEmpty {
            pairs.append(("attributes", .array(attributes.map { ["name": .string($0.name), "value": ExportFileWriter.jsonValue($0.value)] })))
        }
        return .ordered(pairs)
    }
}
