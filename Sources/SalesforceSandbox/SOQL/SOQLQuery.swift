/// A parsed SOQL statement of the supported subset, names not yet checked against the schema.
struct SOQLQuery: Sendable, Hashable {
    /// A name as written, with where it stands for error messages.
    struct Name: Sendable, Hashable {
        var text: String
        var offset: Int
    }

    enum Literal: Sendable, Hashable {
        case string(String)
        case number(String)
        case dateTime(Int64)
        case date(Int)
        case boolean(Bool)
        case null

        /// The SOAP type name Salesforce uses in type-mismatch messages.
        var typeName: String {
            switch self {
            case .string: "string"
            case .number: "number"
            case .dateTime: "dateTime"
            case .date: "date"
            case .boolean: "boolean"
            case .null: "null"
            }
        }
    }

    enum Comparison: String, Sendable, Hashable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    indirect enum Condition: Sendable, Hashable {
        case and(Condition, Condition)
        case or(Condition, Condition)
        case not(Condition)
        case compare(Name, Comparison, Literal)
        case isIn(Name, [Literal], negated: Bool)
        case like(Name, String)
        case includes(Name, [String], negated: Bool)
    }

    struct OrderKey: Sendable, Hashable {
        var field: Name
        var descending = false
        /// `nil` when the statement did not say: nulls first ascending, last descending.
        var nullsFirst: Bool?

        var effectiveNullsFirst: Bool { nullsFirst ?? !descending }
    }

    var fields: [Name]
    var object: Name
    var condition: Condition?
    var orderBy: [OrderKey] = []
    var limit: Int?
    var offset: Int?
    /// The statement text, for error messages.
    var text: String
}
