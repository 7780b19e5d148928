/// The ZOQL text the Python tap sends, so Zuora sees the same queries from either tap.
///
/// ```swift
/// ZOQL.aquaQuery(plan)   // select Id, Name, BillToContact.Id from Account order by UpdatedDate asc
/// ZOQL.restQuery(plan, from: "2024-09-01T00:00:00Z", to: "2024-10-01T00:00:00Z")
/// // select Id, Name from Account where UpdatedDate >= '2024-09-01T00:00:00Z' and UpdatedDate < '2024-10-01T00:00:00Z'
/// ```
enum ZOQL {
    /// The AQuA query: selected fields in catalog order, ordered by the replication key.
    static func aquaQuery(_ plan: StreamPlan) -> String {
        var query = "select \(selectList(plan)) from \(plan.object)"
        if let key = plan.replicationKey { query += " order by \(key) asc" }
        return query
    }

    /// The REST export query for one window `[from, to)` of the replication key (literals in
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`), or the whole object without a window.
    static func restQuery(_ plan: StreamPlan, from start: String? = nil, to end: String? = nil) -> String {
        var query = "select \(selectList(plan)) from \(plan.object)"
        if let key = plan.replicationKey, let start, let end {
            query += " where \(key) >= '\(start)' and \(key) < '\(end)'"
        }
        return query
    }

    private static func selectList(_ plan: StreamPlan) -> String {
        plan.fields.map(\.selectExpression).joined(separator: ", ")
    }
}
