import Singer

/// What to export for one selected stream: the object, the selected properties with the ZOQL
/// expression each is selected by, and the replication key.
struct StreamPlan: Sendable {
    struct Field: Sendable {
        /// The record property (`Name`, `BillToContactId`).
        var name: String
        /// What ZOQL selects (`Name`, `BillToContact.Id`).
        var selectExpression: String
        var kind: ZuoraFieldKind
    }

    var stream: String
    /// The Zuora object (the `tap_stream_id`).
    var object: String
    var fields: [Field]
    var replicationKey: String?
    /// Whether `Deleted` is selected (AQuA adds it through the job's deleted section).
    var includesDeleted: Bool
    var keyProperties: [String]
    var schema: JSONValue

    /// Objects Zuora documents as not exporting deleted records.
    static let objectsWithoutDeleted: Set<String> = [
        "PaymentTransactionLog", "RefundTransactionLog", "AccountingCode", "AccountingPeriod", "ProcessedUsage",
    ]

    /// The plan for `entry`: fields selected (or automatic) and not unsupported, in schema order.
    init(entry: CatalogEntry) throws(CatalogError) {
        stream = entry.stream
        object = entry.tapStreamID
        let replication = try entry.resolvedReplication()
        replicationKey = replication.method == .incremental ? replication.key : nil
        keyProperties = entry.keyProperties
        var fields: [Field] = []
        var includesDeleted = false
        var kept = Set<String>()
        for name in entry.propertyNames {
            let breadcrumb = Breadcrumb.property(name)
            let forced = name == "Id" || name == replicationKey
            guard forced || entry.isFieldSelected(breadcrumb, rule: .singerIO) else { continue }
            if entry.metadata[breadcrumb]?.inclusion == .unsupported { continue }
            kept.insert(name)
            if name == "Deleted" {
                includesDeleted = !Self.objectsWithoutDeleted.contains(object)
                continue
            }
            let joined = entry.metadata[breadcrumb]?[ZuoraCatalogBuilder.joinedObjectKey]?.stringValue
            let expression = joined.map { "\($0).Id" } ?? name
            fields.append(Field(name: name, selectExpression: expression, kind: ZuoraFieldKind(schema: entry.schema["properties"]?[name])))
        }
        self.fields = fields
        self.includesDeleted = includesDeleted
        // The SCHEMA message carries only what records can hold.
        schema = entry.schema.keepingProperties { breadcrumb in breadcrumb.topLevelProperty.map { kept.contains($0) } ?? true }
    }
}
