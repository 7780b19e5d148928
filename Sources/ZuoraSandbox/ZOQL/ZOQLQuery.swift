/// A parsed ZOQL query: `select f1, Rel.Id from Obj [where a >= 'x' and b < 'y'] [order by f [asc|desc]] [limit n]`.
/// Only `and`-joined comparisons are supported, which is what export clients send.
struct ZOQLQuery: Sendable, Hashable {
    /// Selected expressions as written; `["*"]` for `select *`.
    var fields: [String]
    var object: String
    var conditions: [ZOQLCondition]
    var orderBy: [(field: String, ascending: Bool)]
    var limit: Int?

    static func == (lhs: ZOQLQuery, rhs: ZOQLQuery) -> Bool {
        lhs.fields == rhs.fields && lhs.object == rhs.object && lhs.conditions == rhs.conditions && lhs.limit == rhs.limit
            && lhs.orderBy.map(\.field) == rhs.orderBy.map(\.field) && lhs.orderBy.map(\.ascending) == rhs.orderBy.map(\.ascending)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fields)
        hasher.combine(object)
    }
}

/// `field op literal`.
struct ZOQLCondition: Sendable, Hashable {
    var field: String
    var op: String
    var literal: ZOQLToken?   // nil for `null`
}

/// Recursive-descent parser over ``ZOQLTokenizer`` tokens.
enum ZOQLParser {
    static func parse(_ text: String) throws(ZOQLError) -> ZOQLQuery {
        let tokens = try ZOQLTokenizer.tokens(text)
        var index = 0
        func peek() -> ZOQLToken? { index < tokens.count ? tokens[index] : nil }
        func expectKeyword(_ keyword: String) throws(ZOQLError) {
            guard let token = peek(), token.isKeyword(keyword) else { throw .syntax("expected '\(keyword)'") }
            index += 1
        }
        func word() throws(ZOQLError) -> String {
            guard case .word(let value)? = peek() else { throw .syntax("expected a name") }
            index += 1
            return value
        }
        try expectKeyword("select")
        var fields: [String] = []
        if peek() == .symbol("*") {
            index += 1
            fields = ["*"]
        } else {
            repeat {
                if peek() == .symbol(",") { index += 1 }
                let field = try word()
                guard !["from", "where"].contains(field.lowercased()) else { throw .syntax("expected a field name") }
                fields.append(field)
            } while peek() == .symbol(",")
        }
        try expectKeyword("from")
        let object = try word()
        var conditions: [ZOQLCondition] = []
        if peek()?.isKeyword("where") == true {
            index += 1
            repeat {
                if peek()?.isKeyword("and") == true { index += 1 }
                let field = try word()
                guard case .symbol(let op)? = peek(), ["=", "!=", "<", "<=", ">", ">="].contains(op) else { throw .syntax("expected a comparison after \(field)") }
                index += 1
                switch peek() {
                case .string?, .number?:
                    conditions.append(ZOQLCondition(field: field, op: op, literal: peek()))
                case .word(let value)? where ["true", "false"].contains(value.lowercased()):
                    conditions.append(ZOQLCondition(field: field, op: op, literal: .string(value.lowercased())))
                case .word(let value)? where value.lowercased() == "null":
                    conditions.append(ZOQLCondition(field: field, op: op, literal: nil))
                default: throw .syntax("expected a value after \(field) \(op)")
                }
                index += 1
                if peek()?.isKeyword("or") == true { throw .syntax("'or' is not supported by this sandbox") }
            } while peek()?.isKeyword("and") == true
        }
        var orderBy: [(field: String, ascending: Bool)] = []
        if peek()?.isKeyword("order") == true {
            index += 1
            try expectKeyword("by")
            repeat {
                if peek() == .symbol(",") { index += 1 }
                let field = try word()
                var ascending = true
                if peek()?.isKeyword("asc") == true { index += 1 } else if peek()?.isKeyword("desc") == true {
                    index += 1
                    ascending = false
                }
                orderBy.append((field, ascending))
            } while peek() == .symbol(",")
        }
        var limit: Int?
        if peek()?.isKeyword("limit") == true {
            index += 1
            guard case .number(let value)? = peek(), let count = Int(value), count >= 0 else { throw .syntax("expected a number after limit") }
            limit = count
            index += 1
        }
        guard index == tokens.count else { throw .syntax("unexpected text at the end of the query") }
        return ZOQLQuery(fields: fields, object: object, conditions: conditions, orderBy: orderBy, limit: limit)
    }
}
