import SandboxKit
import Singer

/// `GET /rest/v1/leads/describe.json`, `GET /rest/v1/activities/types.json` and
/// `GET /rest/v1/stats/usage.json`.
extension MarketoAPI {
    func leadsDescribe() -> SandboxResponse {
        let result: [JSONValue] = LeadField.allCases.map { field in
            var pairs: [(String, JSONValue)] = [("id", .int(field.describeID)), ("displayName", .string(field.displayName)), ("dataType", .string(field.dataType))]
            if let length = field.length { pairs.append(("length", .int(length))) }
            if field.hasREST { pairs.append(("rest", ["name": .string(field.rawValue), "readOnly": .bool(field.readOnly)])) }
            if let soap = field.soapName { pairs.append(("soap", ["name": .string(soap), "readOnly": .bool(field.readOnly)])) }
            return .ordered(pairs)
        }
        return Envelope.success(requestID: requestID(), result: result)
    }

    func activityTypes() -> SandboxResponse {
        let result: [JSONValue] = ActivityType.all.map { type in
            var pairs: [(String, JSONValue)] = [("id", .int(type.id)), ("name", .string(type.name)), ("description", .string(type.description))]
            if let primary = type.primaryAttribute {
                pairs.append(("primaryAttribute", ["name": .string(primary.name), "dataType": .string(primary.dataType)]))
            }
            pairs.append(("attributes", .array(type.attributes.map { ["name": .string($0.name), "dataType": .string($0.dataType)] })))
            return .ordered(pairs)
        }
        return Envelope.success(requestID: requestID(), result: result)
    }

    /// Today's usage; `total` includes this call, as it is counted like any other.
    func usage() -> SandboxResponse {
        let total = limiter.used + 1
        let date = MarketoTime.formatDate(days: now() / 86_400)
        return Envelope.success(requestID: requestID(), result: [[
            "date": .string(date), "total": .int(total),
            "users": [["userId": "integration@sandbox.example.org", "count": .int(total)]],
        ]])
    }
}
