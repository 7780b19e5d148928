/// A WHERE clause resolved to field positions with literals converted to the fields' types.
indirect enum SOQLPredicate: Sendable {
    case and(SOQLPredicate, SOQLPredicate)
    case or(SOQLPredicate, SOQLPredicate)
    case not(SOQLPredicate)
    case compare(field: Int, type: FieldType, SOQLQuery.Comparison, SOQLValue)
    case isIn(field: Int, type: FieldType, [SOQLValue], negated: Bool)
    case like(field: Int, type: FieldType, LikePattern)
    case includes(field: Int, [Set<String>], negated: Bool)

    static func compile(_ condition: SOQLQuery.Condition, object: ObjectDefinition, query: String) throws(SOQLError) -> SOQLPredicate {
        func filterable(_ name: SOQLQuery.Name) throws(SOQLError) -> (Int, FieldDefinition) {
            let position = try CompiledQuery.resolve(name, in: object, query: query)
            let field = object.fields[position]
            guard field.filterable else {
                throw SOQLError.at("INVALID_FIELD", query: query, offset: name.offset, "field '\(field.name)' can not be filtered in a query call")
            }
            return (position, field)
        }
        switch condition {
        case .and(let left, let right):
            return .and(try compile(left, object: object, query: query), try compile(right, object: object, query: query))
        case .or(let left, let right):
            return .or(try compile(left, object: object, query: query), try compile(right, object: object, query: query))
        case .not(let inner):
            return .not(try compile(inner, object: object, query: query))
        case .compare(let name, let comparison, let literal):
            let (position, field) = try filterable(name)
            return .compare(field: position, type: field.type, comparison, try value(literal, for: field, name: name, query: query))
        case .isIn(let name, let literals, let negated):
            let (position, field) = try filterable(name)
            var values: [SOQLValue] = []
            for literal in literals { values.append(try value(literal, for: field, name: name, query: query)) }
            return .isIn(field: position, type: field.type, values, negated: negated)
        case .like(let name, let pattern):
            let (position, field) = try filterable(name)
            guard field.type.isTextual else {
                throw SOQLError.at("INVALID_FIELD", query: query, offset: name.offset, "invalid operator on \(field.type.rawValue) field: LIKE")
            }
            return .like(field: position, type: field.type, LikePattern(pattern))
        case .includes(let name, let values, let negated):
            let (position, field) = try filterable(name)
            guard field.type == .multipicklist else {
                throw SOQLError.at("INVALID_FIELD", query: query, offset: name.offset, "includes or excludes operator only valid on multipicklist field")
            }
            return .includes(field: position, values.map { Set($0.lowercased().split(separator: ";").map(String.init)) }, negated: negated)
        }
    }

    /// Converts a literal to the field's type, refusing mismatches as Salesforce does.
    static func value(_ literal: SOQLQuery.Literal, for field: FieldDefinition, name: SOQLQuery.Name, query: String) throws(SOQLError) -> SOQLValue {
        func mismatch(_ expected: String, quoted: Bool) -> SOQLError {
            SOQLError.at("INVALID_FIELD", query: query, offset: name.offset,
                "value of filter criterion for field '\(field.name)' must be of type \(expected) and should \(quoted ? "" : "not ")be enclosed in quotes")
        }
        if case .null = literal { return .null }
        switch field.type {
        case .datetime:
            guard case .dateTime(let milliseconds) = literal else { throw mismatch("dateTime", quoted: false) }
            return .dateTime(milliseconds)
        case .date:
            guard case .date(let days) = literal else { throw mismatch("date", quoted: false) }
            return .date(days)
        case .int, .double, .currency, .percent:
            guard case .number(let text) = literal, let number = Double(text) else { throw mismatch(field.type == .int ? "integer" : "double", quoted: false) }
            return .number(number)
        case .boolean:
            guard case .boolean(let flag) = literal else { throw mismatch("boolean", quoted: false) }
            return .bool(flag)
        case .time:
            throw mismatch("time", quoted: false)
        default:
            guard case .string(let text) = literal else { throw mismatch("string", quoted: true) }
            return .text(text.lowercased())
        }
    }

    func matches(row: Int, table: RecordTable, arena: UnsafeBufferPointer<UInt8>) -> Bool {
        func decode(_ field: Int, _ type: FieldType) -> SOQLValue {
            SOQLValue.decode(UnsafeBufferPointer(rebasing: arena[table.range(row: row, field: field)]), type: type)
        }
        switch self {
        case .and(let left, let right): return left.matches(row: row, table: table, arena: arena) && right.matches(row: row, table: table, arena: arena)
        case .or(let left, let right): return left.matches(row: row, table: table, arena: arena) || right.matches(row: row, table: table, arena: arena)
        case .not(let inner): return !inner.matches(row: row, table: table, arena: arena)
        case .compare(let field, let type, let comparison, let literal):
            let value = decode(field, type)
            if literal.isNull || value.isNull {
                let bothNull = literal.isNull && value.isNull
                switch comparison {
                case .equal: return bothNull
                case .notEqual: return !bothNull
                default: return false
                }
            }
            guard let order = SOQLValue.compare(value, literal) else { return false }
            switch comparison {
            case .equal: return order == 0
            case .notEqual: return order != 0
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            }
        case .isIn(let field, let type, let values, let negated):
            let value = decode(field, type)
            let found = values.contains { literal in
                literal.isNull ? value.isNull : SOQLValue.compare(value, literal) == 0
            }
            return found != negated
        case .like(let field, let type, let pattern):
            guard case .text(let text) = decode(field, type) else { return false }
            return pattern.matches(text)
        case .includes(let field, let sets, let negated):
            guard case .text(let text) = decode(field, .multipicklist) else { return negated }
            let chosen = Set(text.split(separator: ";").map(String.init))
            let found = sets.contains { $0.isSubset(of: chosen) }
            return found != negated
        }
    }

    /// Bounds on datetime fields from the top-level conjunction.
    var dateTimeWindow: (lower: Int64?, upper: Int64?) {
        switch self {
        case .and(let left, let right):
            let a = left.dateTimeWindow, b = right.dateTimeWindow
            return (maxOptional(a.lower, b.lower), minOptional(a.upper, b.upper))
        case .compare(_, .datetime, let comparison, .dateTime(let moment)):
            switch comparison {
            case .greater, .greaterOrEqual: return (moment, nil)
            case .less, .lessOrEqual: return (nil, moment)
            case .equal: return (moment, moment)
            case .notEqual: return (nil, nil)
            }
        default: return (nil, nil)
        }
    }

    private func maxOptional(_ a: Int64?, _ b: Int64?) -> Int64? { [a, b].compactMap { $0 }.max() }
    private func minOptional(_ a: Int64?, _ b: Int64?) -> Int64? { [a, b].compactMap { $0 }.min() }
}

/// A LIKE pattern: `%` any run, `_` one character, `\%` and `\_` literal; case-insensitive.
struct LikePattern: Sendable {
    enum Piece: Sendable, Equatable { case any, one, literal(Character) }
    let pieces: [Piece]

    init(_ pattern: String) {
        var pieces: [Piece] = []
        var escaped = false
        for character in pattern.lowercased() {
            if escaped {
                pieces.append(.literal(character))
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "%" {
                pieces.append(.any)
            } else if character == "_" {
                pieces.append(.one)
            } else {
                pieces.append(.literal(character))
            }
        }
        self.pieces = pieces
    }

    func matches(_ text: String) -> Bool {
        let characters = Array(text)
        var textIndex = 0, pieceIndex = 0
        var starPiece = -1, starText = 0
        while textIndex < characters.count {
            if pieceIndex < pieces.count, pieces[pieceIndex] == .one || pieces[pieceIndex] == .literal(characters[textIndex]) {
                textIndex += 1
                pieceIndex += 1
            } else if pieceIndex < pieces.count, pieces[pieceIndex] == .any {
                starPiece = pieceIndex
                starText = textIndex
                pieceIndex += 1
            } else if starPiece >= 0 {
                pieceIndex = starPiece + 1
                starText += 1
                textIndex = starText
            } else {
                return false
            }
        }
        while pieceIndex < pieces.count, pieces[pieceIndex] == .any { pieceIndex += 1 }
        return pieceIndex == pieces.count
    }
}
