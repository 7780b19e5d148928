/// The SOQL text of a stream's query, in the Python tap's shape (fields in catalog order,
/// joined by `,`; datetime literals unquoted, in UTC):
///
/// ```
/// SELECT Id,Name,SystemModstamp FROM Account WHERE SystemModstamp >= 2021-01-03T00:00:00Z ORDER BY SystemModstamp ASC
/// SELECT Id,Name,SystemModstamp FROM Account WHERE SystemModstamp >= … AND SystemModstamp < … ORDER BY SystemModstamp ASC
/// SELECT Id,Name FROM Contract                                             (FULL_TABLE)
/// ```
///
/// Bulk queries leave out ORDER BY: it disables Salesforce's PK chunking of large objects,
/// and the tap does not need the order there (see `BulkSync`).
enum SOQLQuery {
    static func text(plan: StreamPlan, window: DateWindow, ordered: Bool) -> String {
        var query = "SELECT " + plan.fields.map(\.name).joined(separator: ",") + " FROM " + plan.object
        guard let key = plan.replicationKey else { return query }
        var conditions: [String] = []
        if let start = window.start { conditions.append("\(key) >= \(start.soqlLiteral)") }
        if let end = window.end { conditions.append("\(key) < \(end.soqlLiteral)") }
        if !conditions.isEmpty { query += " WHERE " + conditions.joined(separator: " AND ") }
        if ordered { query += " ORDER BY \(key) ASC" }
        return query
    }
}
