import SandboxKit
import Singer

/// `/_sandbox/…`, outside Zuora's namespace and without auth: `POST /_sandbox/changes`
/// applies one change round; `GET /_sandbox/stats` reports counters and row counts.
extension ZuoraAPI {
    func admin(_ request: SandboxRequest, rest: [String]) throws -> SandboxResponse {
        func counts(_ values: [String: Int]) -> JSONValue {
            .object(JSONObject(values.sorted { $0.key < $1.key }.map { JSONObject.Member(key: $0.key, value: .int($0.value)) }))
        }
        switch (request.method, rest) {
        case ("POST", ["changes"]):
            let summary = store.applyChanges(now: now() / 1000)
            return .json(value: [
                "round": .int(summary.round), "updatedDate": .string(CivilTime.iso(summary.updatedDate)),
                "updated": counts(summary.updated), "deleted": counts(summary.deleted), "inserted": counts(summary.inserted),
            ])
        case ("GET", ["stats"]):
            return .json(value: [
                "counters": counts(counters.snapshot), "rows": counts(store.counts), "round": .int(store.round),
                "scenarios": .array(options.scenarios.map(\.rawValue).sorted().map(JSONValue.string)),
            ])
        default:
            throw ZuoraError.notFound
        }
    }
}
