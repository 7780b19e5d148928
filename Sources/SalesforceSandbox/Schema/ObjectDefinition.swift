/// One sObject as describeGlobal and describe report it, plus what the sandbox needs to
/// serve it: how many rows to generate and whether Bulk queries accept it.
struct ObjectDefinition: Sendable {
    var name: String
    var label: String
    var labelPlural: String
    var keyPrefix: String?
    var custom = false
    var queryable = true
    var retrieveable = true
    var replicateable = true
    var createable = true
    var updateable = true
    var deletable = true
    var searchable = true
    var layoutable = true
    var triggerable = true
    var feedEnabled = false
    /// Whether Bulk API query jobs accept this object.
    var bulkQueryable = true
    var fields: [FieldDefinition]
    /// Rows for an org with `n` Opportunities; 0 for objects without data.
    var rowCount: @Sendable (Int) -> Int = { _ in 0 }
    /// Field name (lower-cased) → position in `fields`.
    let fieldIndex: [String: Int]
    /// Field name as declared → position, the fast path for generators.
    let exactIndex: [String: Int]
    /// Each field's type, by position (row rendering reads these millions of times; copying
    /// whole definitions would retain every string in them).
    let fieldTypes: [FieldType]
    /// Positions of address and location fields.
    let compoundPositions: [Int]

    init(
        name: String, label: String? = nil, labelPlural: String? = nil, keyPrefix: String?,
        fields: [FieldDefinition], rowCount: @escaping @Sendable (Int) -> Int = { _ in 0 },
        configure: (inout ObjectDefinition) -> Void = { _ in }
    ) {
        self.name = name
        let label = label ?? FieldDefinition.label(for: name)
        self.label = label
        self.labelPlural = labelPlural ?? (label.hasSuffix("y") ? String(label.dropLast()) + "ies" : label + "s")
        self.keyPrefix = keyPrefix
        // Audit helpers and explicit declarations may both add a field (IsDeleted); the first wins.
        var seen = Set<String>()
        let fields = fields.filter { seen.insert($0.name.lowercased()).inserted }
        self.fields = fields
        self.rowCount = rowCount
        self.custom = name.hasSuffix("__c")
        var index: [String: Int] = [:]
        var exact: [String: Int] = [:]
        for (position, field) in fields.enumerated() {
            index[field.name.lowercased()] = position
            exact[field.name] = position
        }
        self.fieldIndex = index
        self.exactIndex = exact
        self.fieldTypes = fields.map(\.type)
        self.compoundPositions = fields.indices.filter { fields[$0].type.isCompound }
        configure(&self)
    }

    /// The field named `name`, case-insensitively, as SOQL resolves names.
    func field(named name: String) -> (index: Int, definition: FieldDefinition)? {
        guard let position = fieldIndex[name.lowercased()] else { return nil }
        return (position, fields[position])
    }

    /// Position of a field known to exist (schema code only).
    func position(of name: String) -> Int? { exactIndex[name] ?? fieldIndex[name.lowercased()] }
}

extension FieldDefinition {
    /// The system fields most objects carry: IsDeleted, audit dates and users, SystemModstamp.
    static func auditFields(owner: Bool = true) -> [FieldDefinition] {
        var fields: [FieldDefinition] = [
            .system("IsDeleted", .boolean),
            .system("CreatedDate", .datetime),
            .system("CreatedById", .reference, reference: "User"),
            .system("LastModifiedDate", .datetime),
            .system("LastModifiedById", .reference, reference: "User"),
            .system("SystemModstamp", .datetime),
        ]
        if owner {
            var ownerField = FieldDefinition.reference("OwnerId", to: ["User"], relationship: "Owner", nillable: false)
            ownerField.defaultedOnCreate = true
            fields.insert(ownerField, at: 0)
        }
        return fields
    }
}
