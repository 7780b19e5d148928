import Singer

/// The org's limits from `GET /services/data/vXX.X/limits`:
/// `{"DailyApiRequests": {"Max": 15000, "Remaining": 14998}, "DailyBulkV2QueryJobs": {…}, …}`.
public struct OrgLimits: Sendable, Hashable {
    /// One limit's `Max` and `Remaining`.
    public struct Limit: Sendable, Hashable {
        public var max: Int
        public var remaining: Int
        public init(max: Int, remaining: Int) {
            self.max = max
            self.remaining = remaining
        }
        public var used: Int { max - remaining }
        /// Percentage used, 0 when `max` is 0.
        public var percentUsed: Double { max > 0 ? Double(used) * 100 / Double(max) : 0 }
    }

    public var limits: [String: Limit]

    public init(limits: [String: Limit]) { self.limits = limits }

    /// Reads the response; values may be numbers or (in old API versions) strings.
    public init(json: JSONValue) {
        var limits: [String: Limit] = [:]
        for member in json.objectValue ?? JSONObject() {
            func integer(_ key: String) -> Int? {
                switch member.value[key] {
                case .number(let number)?: number.intValue
                case .string(let text)?: Int(text)
                default: nil
                }
            }
            if let max = integer("Max"), let remaining = integer("Remaining") {
                limits[member.key] = Limit(max: max, remaining: remaining)
            }
        }
        self.limits = limits
    }

    public subscript(name: String) -> Limit? { limits[name] }

    /// Daily API requests.
    public var dailyAPIRequests: Limit? { limits["DailyApiRequests"] }
    /// Bulk API 2.0 query jobs per day, or Bulk 1.0 batches when the org reports only those.
    public var dailyBulkQueryJobs: (name: String, limit: Limit)? {
        for name in ["DailyBulkV2QueryJobs", "DailyBulkApiBatches", "DailyBulkApiRequests"] {
            if let limit = limits[name] { return (name, limit) }
        }
        return nil
    }
}
