/// Recursive-descent parser for the SOQL subset the sandbox serves:
///
/// ```text
/// query     := SELECT name (, name)* FROM name [WHERE or] [ORDER BY key (, key)*] [LIMIT n] [OFFSET n]
/// or        := and (OR and)*
/// and       := unary (AND unary)*
/// unary     := NOT unary | '(' or ')' | name predicate
/// predicate := op literal | [NOT] IN '(' literal (, literal)* ')' | LIKE 'text' | INCLUDES/EXCLUDES (…)
/// key       := name [ASC|DESC] [NULLS FIRST|LAST]
/// ```
struct SOQLParser {
    private let query: String
    private let tokens: [SOQLToken]
    private var index = 0

    static func parse(_ query: String) throws(SOQLError) -> SOQLQuery {
        var parser = SOQLParser(query: query, tokens: try SOQLTokenizer.tokens(query))
        return try parser.statement()
    }

    private init(query: String, tokens: [SOQLToken]) {
        self.query = query
        self.tokens = tokens
    }

    private static let reserved: Set<String> = [
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "ORDER", "BY", "ASC", "DESC", "NULLS",
        "LIMIT", "OFFSET", "GROUP", "HAVING", "INCLUDES", "EXCLUDES", "TRUE", "FALSE", "NULL", "WITH", "FOR",
    ]

    private var current: SOQLToken { tokens[min(index, tokens.count - 1)] }

    private mutating func advance() -> SOQLToken {
        defer { index += 1 }
        return current
    }

    private mutating func accept(keyword: String) -> Bool {
        guard current.isKeyword(keyword) else { return false }
        index += 1
        return true
    }

    private mutating func expect(keyword: String) throws(SOQLError) {
        guard accept(keyword: keyword) else { throw SOQLError.malformed(query, current) }
    }

    private mutating func expect(symbol: String) throws(SOQLError) {
        guard current.isSymbol(symbol) else { throw SOQLError.malformed(query, current) }
        index += 1
    }

    private mutating func name() throws(SOQLError) -> SOQLQuery.Name {
        guard case .identifier(let text) = current.kind, !Self.reserved.contains(text.uppercased()) else {
            throw SOQLError.malformed(query, current)
        }
        return SOQLQuery.Name(text: text, offset: advance().offset)
    }

    private mutating func statement() throws(SOQLError) -> SOQLQuery {
        try expect(keyword: "SELECT")
        var fields = [try name()]
        while current.isSymbol(",") {
            index += 1
            fields.append(try name())
        }
        try expect(keyword: "FROM")
        let object = try name()
        var result = SOQLQuery(fields: fields, object: object, text: query)
        if accept(keyword: "WHERE") { result.condition = try disjunction() }
        if accept(keyword: "ORDER") {
            try expect(keyword: "BY")
            while true {
                var key = SOQLQuery.OrderKey(field: try name())
                if accept(keyword: "DESC") { key.descending = true } else { _ = accept(keyword: "ASC") }
                if accept(keyword: "NULLS") {
                    if accept(keyword: "FIRST") { key.nullsFirst = true } else {
                        try expect(keyword: "LAST")
                        key.nullsFirst = false
                    }
                }
                result.orderBy.append(key)
                guard current.isSymbol(",") else { break }
                index += 1
            }
        }
        if accept(keyword: "LIMIT") { result.limit = try count() }
        if accept(keyword: "OFFSET") { result.offset = try count() }
        guard case .end = current.kind else { throw SOQLError.malformed(query, current) }
        return result
    }

    private mutating func count() throws(SOQLError) -> Int {
        guard case .number(let text) = current.kind, let value = Int(text), value >= 0 else { throw SOQLError.malformed(query, current) }
        index += 1
        return value
    }

    private mutating func disjunction() throws(SOQLError) -> SOQLQuery.Condition {
        var condition = try conjunction()
        while accept(keyword: "OR") { condition = .or(condition, try conjunction()) }
        return condition
    }

    private mutating func conjunction() throws(SOQLError) -> SOQLQuery.Condition {
        var condition = try unary()
        while accept(keyword: "AND") { condition = .and(condition, try unary()) }
        return condition
    }

    private mutating func unary() throws(SOQLError) -> SOQLQuery.Condition {
        if accept(keyword: "NOT") { return .not(try unary()) }
        if current.isSymbol("(") {
            index += 1
            let inner = try disjunction()
            try expect(symbol: ")")
            return inner
        }
        let field = try name()
        if case .symbol(let symbol) = current.kind, let comparison = SOQLQuery.Comparison(rawValue: symbol) {
            index += 1
            return .compare(field, comparison, try literal())
        }
        if accept(keyword: "LIKE") {
            guard case .string(let pattern) = current.kind else { throw SOQLError.malformed(query, current) }
            index += 1
            return .like(field, pattern)
        }
        let negated = accept(keyword: "NOT")
        if accept(keyword: "IN") { return .isIn(field, try literalList(), negated: negated) }
        if !negated, current.isKeyword("INCLUDES") || current.isKeyword("EXCLUDES") {
            let excludes = advance().isKeyword("EXCLUDES")
            let values = try literalList().map { literal -> String in
                if case .string(let text) = literal { return text }
                return ""
            }
            return .includes(field, values, negated: excludes)
        }
        throw SOQLError.malformed(query, current)
    }

    private mutating func literalList() throws(SOQLError) -> [SOQLQuery.Literal] {
        try expect(symbol: "(")
        var values = [try literal()]
        while current.isSymbol(",") {
            index += 1
            values.append(try literal())
        }
        try expect(symbol: ")")
        return values
    }

    private mutating func literal() throws(SOQLError) -> SOQLQuery.Literal {
        let token = advance()
        switch token.kind {
        case .string(let text): return .string(text)
        case .number(let text): return .number(text)
        case .dateTime(let milliseconds): return .dateTime(milliseconds)
        case .date(let days): return .date(days)
        case .identifier(let word):
            switch word.uppercased() {
            case "TRUE": return .boolean(true)
            case "FALSE": return .boolean(false)
            case "NULL": return .null
            default: break
            }
        default: break
        }
        throw SOQLError.malformed(query, token)
    }
}
