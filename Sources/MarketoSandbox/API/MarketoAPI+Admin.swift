import SandboxKit
import Singer

/// `/_sandbox/…`: controls for scripts, outside Marketo's namespace and without auth.
/// `POST /_sandbox/changes` applies one change round; `GET /_sandbox/stats` reports counters;
/// `POST /_sandbox/expire-tokens` expires every access token.
extension MarketoAPI {
    func admin(_ request: SandboxRequest, rest: [String]) throws -> SandboxResponse {
        switch (request.method, rest) {
        case ("POST", ["changes"]):
            let summary = store.applyChanges(now: now())
            func ids(_ values: [Int]) -> JSONValue { .array(values.map { .int($0) }) }
            return .json(JSONWriter.string(from: [
                "round": .int(summary.round), "timestamp": .string(MarketoTime.format(summary.timestamp)),
                "updatedLeads": ids(summary.updatedLeads), "deletedLeads": ids(summary.deletedLeads),
                "insertedLeads": ids(summary.insertedLeads), "updatedPrograms": ids(summary.updatedPrograms),
                "updatedCampaigns": ids(summary.updatedCampaigns), "insertedActivities": .int(summary.insertedActivities),
            ]))
        case ("POST", ["expire-tokens"]):
            tokens.expireAll()
            return .json("{}")
        case ("GET", ["stats"]):
            let values = counters.snapshot.sorted { $0.key < $1.key }.map { JSONObject.Member(key: $0.key, value: .int($0.value)) }
            return .json(JSONWriter.string(from: [
                "counters": .object(JSONObject(values)),
                "usage": ["used": .int(limiter.used), "quota": .int(options.dailyQuota)],
                "leads": .int(store.liveLeadIDs.count), "deletedLeads": .int(store.deletedLeadIDs.count),
                "scenarios": .array(options.scenarios.map(\.rawValue).sorted().map(JSONValue.string)),
            ]))
        default:
            return Self.plainNotFound
        }
    }
}
