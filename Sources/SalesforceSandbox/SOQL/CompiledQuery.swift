/// A SOQL statement checked against the org schema (objects, fields, filterability, literal
/// types) and ready to run over an object's pre-rendered rows.
struct CompiledQuery: Sendable {
    struct OrderKey: Sendable {
        var field: Int
        var type: FieldType
        var descending: Bool
        var nullsFirst: Bool
    }

    let object: ObjectDefinition
    /// Selected field positions in SELECT order.
    let fields: [Int]
    let predicate: SOQLPredicate?
    let order: [OrderKey]
    let limit: Int?
    let offset: Int?
    let source: SOQLQuery

    /// Parses and checks `text`; errors carry Salesforce's codes and message layout.
    static func compile(_ text: String, schema: OrgSchema) throws(SOQLError) -> CompiledQuery {
        let query = try SOQLParser.parse(text)
        guard let object = schema.object(named: query.object.text), object.queryable else {
            throw SOQLError.at("INVALID_TYPE", query: text, offset: query.object.offset,
                "sObject type '\(query.object.text)' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.")
        }
        var fields: [Int] = []
        for name in query.fields {
            let position = try resolve(name, in: object, query: text)
            guard !fields.contains(position) else {
                throw SOQLError.at("MALFORMED_QUERY", query: text, offset: name.offset, "duplicate field selected: \(object.fields[position].name)")
            }
            fields.append(position)
        }
        let predicate = try query.condition.map { condition throws(SOQLError) in try SOQLPredicate.compile(condition, object: object, query: text) }
        var order: [OrderKey] = []
        for key in query.orderBy {
            let position = try resolve(key.field, in: object, query: text)
            let field = object.fields[position]
            guard field.sortable else {
                throw SOQLError.at("INVALID_FIELD", query: text, offset: key.field.offset, "field '\(field.name)' can not be sorted in a query call")
            }
            order.append(OrderKey(field: position, type: field.type, descending: key.descending, nullsFirst: key.effectiveNullsFirst))
        }
        if let offset = query.offset, offset > 2000 {
            throw SOQLError(errorCode: "NUMBER_OUTSIDE_VALID_RANGE", message: "Maximum SOQL offset allowed is 2000")
        }
        return CompiledQuery(object: object, fields: fields, predicate: predicate, order: order, limit: query.limit, offset: query.offset, source: query)
    }

    static func resolve(_ name: SOQLQuery.Name, in object: ObjectDefinition, query: String) throws(SOQLError) -> Int {
        if name.text.contains(".") {
            let relationship = String(name.text.prefix { $0 != "." })
            if relationship.lowercased() != object.name.lowercased() {
                throw SOQLError.at("INVALID_FIELD", query: query, offset: name.offset,
                    "Didn't understand relationship '\(relationship)' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.")
            }
            return try resolve(SOQLQuery.Name(text: String(name.text.dropFirst(relationship.count + 1)), offset: name.offset), in: object, query: query)
        }
        guard let position = object.position(of: name.text) else {
            throw SOQLError.noSuchColumn(query, offset: name.offset, field: name.text, object: object.name)
        }
        return position
    }

    /// Why Bulk would refuse this query (compound or binary fields, OFFSET), or `nil`.
    var bulkProblem: SOQLError? {
        for position in fields {
            let field = object.fields[position]
            if field.type.isCompound {
                return SOQLError(errorCode: "FUNCTIONALITY_NOT_ENABLED", message: "Selecting compound data not supported in Bulk Query")
            }
            if field.type == .base64 {
                return SOQLError(errorCode: "FUNCTIONALITY_NOT_ENABLED", message: "Selecting binary data (field '\(field.name)') not supported in Bulk Query")
            }
        }
        if offset != nil {
            return SOQLError(errorCode: "FUNCTIONALITY_NOT_ENABLED", message: "OFFSET clause is not supported in Bulk Query")
        }
        return nil
    }

    /// The matching rows in result order, after OFFSET and LIMIT; soft-deleted rows only
    /// when `includeDeleted` (queryAll).
    func matchingRows(in table: RecordTable, includeDeleted: Bool) -> [Int32] {
        let deletedField = includeDeleted ? nil : object.position(of: "IsDeleted")
        var rows: [Int32] = []
        var keys: [[SOQLValue]] = order.map { _ in [] }
        table.arena.withUnsafeBufferPointer { arena in
            for row in 0..<table.count {
                if let deletedField, arena[table.range(row: row, field: deletedField).lowerBound] == UInt8(ascii: "t") { continue }
                if let predicate, !predicate.matches(row: row, table: table, arena: arena) { continue }
                rows.append(Int32(row))
                for (position, key) in order.enumerated() {
                    keys[position].append(SOQLValue.decode(UnsafeBufferPointer(rebasing: arena[table.range(row: row, field: key.field)]), type: key.type))
                }
            }
        }
        if order.count == 1, let key = order.first, let keyed = Self.integerKeys(keys[0], nullsFirst: key.nullsFirst, descending: key.descending) {
            // The taps' ORDER BY SystemModstamp: sort plain integers, not enum values.
            var pairs = Array(zip(keyed, rows))
            pairs.sort { $0.0 != $1.0 ? (key.descending ? $0.0 > $1.0 : $0.0 < $1.0) : $0.1 < $1.1 }
            rows = pairs.map(\.1)
        } else if !order.isEmpty {
            let permutation = (0..<rows.count).sorted { left, right in
                for (position, key) in order.enumerated() {
                    let a = keys[position][left], b = keys[position][right]
                    if a.isNull != b.isNull { return a.isNull == key.nullsFirst }
                    if let comparison = SOQLValue.compare(a, b), comparison != 0 { return key.descending ? comparison > 0 : comparison < 0 }
                }
                return rows[left] < rows[right]
            }
            rows = permutation.map { rows[$0] }
        }
        let start = min(offset ?? 0, rows.count)
        let end = limit.map { min(rows.count, start + $0) } ?? rows.count
        return start == 0 && end == rows.count ? rows : Array(rows[start..<end])
    }

    /// Datetime, date and time keys as integers, nulls mapped past either end; `nil` for
    /// other types.
    private static func integerKeys(_ values: [SOQLValue], nullsFirst: Bool, descending: Bool) -> [Int64]? {
        let nullKey = (nullsFirst != descending) ? Int64.min : Int64.max
        var keys: [Int64] = []
        keys.reserveCapacity(values.count)
        for value in values {
            switch value {
            case .dateTime(let moment): keys.append(moment)
            case .date(let days): keys.append(Int64(days))
            case .time(let milliseconds): keys.append(Int64(milliseconds))
            case .null: keys.append(nullKey)
            default: return nil
            }
        }
        return keys
    }

    /// The datetime range the WHERE clause's top-level conjunction allows, for the
    /// query-timeout scenario: the largest lower bound and the smallest upper bound.
    var dateTimeWindow: (lower: Int64?, upper: Int64?) {
        predicate?.dateTimeWindow ?? (nil, nil)
    }
}
