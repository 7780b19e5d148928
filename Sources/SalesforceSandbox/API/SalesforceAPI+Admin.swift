import SandboxKit
import Singer

/// `/_sandbox/…`: controls for scripts, outside Salesforce's namespace and without auth.
/// `POST /_sandbox/changes` applies one change round; `GET /_sandbox/stats` reports counters,
/// API usage and generated row counts.
extension SalesforceAPI {
    func admin(_ request: SandboxRequest, rest: [String]) throws -> SandboxResponse {
        switch (request.method, rest) {
        case ("POST", ["changes"]):
            let summary = store.applyChanges(now: now())
            func counts(_ values: [String: Int]) -> JSONValue {
                .object(JSONObject(values.sorted { $0.key < $1.key }.map { JSONObject.Member(key: $0.key, value: .number(JSONNumber($0.value))) }))
            }
            return .json(value: [
                "round": .number(JSONNumber(summary.round)),
                "systemModstamp": .string(JSONFragment.formatDateTime(summary.timestampMilliseconds, zone: "Z")),
                "updated": counts(summary.updated), "deleted": counts(summary.deleted), "inserted": counts(summary.inserted),
            ])
        case ("GET", ["stats"]):
            let counterValues = counters.snapshot.sorted { $0.key < $1.key }.map { JSONObject.Member(key: $0.key, value: .number(JSONNumber($0.value))) }
            let rows = store.generatedCounts.sorted { $0.key < $1.key }.map { JSONObject.Member(key: $0.key, value: .number(JSONNumber($0.value))) }
            return .json(value: [
                "counters": .object(JSONObject(counterValues)),
                "apiUsage": ["used": .number(JSONNumber(currentUsage)), "limit": .number(JSONNumber(options.effectiveAPILimit))],
                "rows": .object(JSONObject(rows)),
                "scenarios": .array(options.scenarios.map(\.rawValue).sorted().map(JSONValue.string)),
            ])
        default:
            throw APIError.notFound
        }
    }
}
