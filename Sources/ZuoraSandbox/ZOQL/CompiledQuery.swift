/// A ZOQL query bound to an object: resolved columns and conditions, ready to run over a
/// table snapshot.
struct CompiledQuery: Sendable {
    enum Column: Sendable {
        /// A field of the queried object.
        case field(Int)
        /// A field of a related object, reached through this object's foreign key.
        case related(foreignKey: Int, object: String, field: Int)
    }

    let object: ZuoraObject
    /// Column headers as written in the query (`Id`, `BillToContact.Id`).
    let labels: [String]
    /// Column headers qualified with the object (`Account.Id`, `BillToContact.Id`).
    let qualified: [String]
    let columns: [Column]
    let fieldTypes: [ZuoraFieldType]
    let conditions: [(field: Int, op: String, literal: ZOQLToken?)]
    let order: [(field: Int, ascending: Bool)]
    let limit: Int?

    /// Binds `query` to `schema`; `unsupported` names fields (Object.Field) the endpoint rejects.
    init(_ query: ZOQLQuery, schema: ZuoraSchema, unsupported: Set<String> = []) throws(ZOQLError) {
        guard let object = schema.object(query.object) else { throw .unknownObject(query.object) }
        self.object = object
        var labels: [String] = []
        var qualified: [String] = []
        var columns: [Column] = []
        var types: [ZuoraFieldType] = []
        func baseField(_ name: String) throws(ZOQLError) -> Int {
            guard let index = object.fieldIndex(name), object.fields[index].exportable else { throw .unknownField(object: object.name, field: name) }
            if unsupported.contains("\(object.name).\(object.fields[index].name)") { throw .unsupportedField(object: object.name, field: object.fields[index].name) }
            return index
        }
        let selected = query.fields == ["*"]
            ? object.fields.filter { $0.exportable && unsupported.contains("\(object.name).\($0.name)") == false }.map(\.name) : query.fields
        for expression in selected {
            var parts = expression.split(separator: ".").map(String.init)
            if parts.count == 2, parts[0].lowercased() == object.name.lowercased() { parts.removeFirst() }
            if parts.count == 1 {
                let index = try baseField(parts[0])
                columns.append(.field(index))
                types.append(object.fields[index].type)
                qualified.append("\(object.name).\(object.fields[index].name)")
            } else if parts.count == 2, let relation = object.relation(parts[0]), let target = schema.object(relation.object),
                let key = object.fieldIndex(relation.foreignKey)
            {
                guard let field = target.fieldIndex(parts[1]), target.fields[field].exportable else {
                    throw .unknownField(object: relation.name, field: parts[1])
                }
                columns.append(.related(foreignKey: key, object: target.name, field: field))
                types.append(target.fields[field].type)
                qualified.append("\(relation.name).\(target.fields[field].name)")
            } else {
                throw .unknownField(object: object.name, field: expression)
            }
            labels.append(expression)
        }
        self.labels = labels
        self.qualified = qualified
        self.columns = columns
        fieldTypes = types
        var conditions: [(field: Int, op: String, literal: ZOQLToken?)] = []
        for condition in query.conditions {
            guard let index = object.fieldIndex(condition.field) else { throw .unknownField(object: object.name, field: condition.field) }
            conditions.append((index, condition.op, condition.literal))
        }
        self.conditions = conditions
        var order: [(field: Int, ascending: Bool)] = []
        for entry in query.orderBy {
            guard let index = object.fieldIndex(entry.field) else { throw .unknownField(object: object.name, field: entry.field) }
            order.append((index, entry.ascending))
        }
        self.order = order
        limit = query.limit
    }

    /// Whether `record` satisfies every condition.
    func matches(_ record: ZuoraRecord) -> Bool {
        for condition in conditions {
            let value = record.values[condition.field]
            guard let literal = condition.literal else {
                let isNull = value == .null
                if condition.op == "=" ? !isNull : condition.op == "!=" ? isNull : true { return false }
                continue
            }
            guard let ordering = Self.compare(value, literal) else { return false }
            let passes: Bool
            switch condition.op {
            case "=": passes = ordering == 0
            case "!=": passes = ordering != 0
            case "<": passes = ordering < 0
            case "<=": passes = ordering <= 0
            case ">": passes = ordering > 0
            default: passes = ordering >= 0
            }
            if !passes { return false }
        }
        return true
    }

    /// −1/0/1 comparing a stored value with a literal; `nil` when they cannot be compared
    /// (nulls never match a comparison, as in SQL).
    static func compare(_ value: ZuoraValue, _ literal: ZOQLToken) -> Int? {
        let text: String
        switch literal {
        case .string(let string), .number(let string), .word(let string), .symbol(let string): text = string
        }
        switch value {
        case .null: return nil
        case .dateTime(let seconds):
            guard let other = CivilTime.parse(text, pacificWhenUnzoned: true) else { return nil }
            return seconds < other ? -1 : seconds == other ? 0 : 1
        case .integer, .decimal:
            guard let left = Double(value.text ?? ""), let right = Double(text) else { return nil }
            return left < right ? -1 : left == right ? 0 : 1
        case .boolean(let flag):
            return (flag ? "true" : "false") == text.lowercased() ? 0 : 1
        case .text(let string), .date(let string):
            return string < text ? -1 : string == text ? 0 : 1
        }
    }

    /// Orders rows per `order by` (stable; nulls first).
    static func less(_ left: ZuoraValue, _ right: ZuoraValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return false
        case (.null, _): return true
        case (_, .null): return false
        case (.dateTime(let a), .dateTime(let b)): return a < b
        case (.integer(let a), .integer(let b)): return a < b
        case (.decimal(let a), .decimal(let b)): return (Double(a) ?? 0) < (Double(b) ?? 0)
        default: return (left.text ?? "") < (right.text ?? "")
        }
    }
}
