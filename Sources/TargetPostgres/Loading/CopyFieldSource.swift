import Singer

/// What ``CopyRowEncoder`` reads of one record value: the seam that lets one encoder serve
/// records kept in wire form (`JSONElement`) and records built in memory (`JSONValue`).
///
/// Kept to what `JSONElement`'s public API offers today; strings and numbers come as `String`s,
/// which a wire-form record has to build (a heap allocation past 15 bytes of UTF-8).
protocol CopyFieldSource {
    var copyKind: JSONElement.Kind { get }
    /// The flag of a boolean; `nil` for other kinds.
    var copyBool: Bool? { get }
    /// The unescaped text of a string; `nil` for other kinds.
    var copyString: String? { get }
    /// A number's text as written; `nil` for other kinds.
    var copyNumberText: String? { get }
    /// The whole value, for containers (written as JSON) and error excerpts.
    var copyValue: JSONValue { get }
}

/// A record whose values ``CopyRowEncoder`` looks up by property name.
protocol CopyRecordSource {
    associatedtype Field: CopyFieldSource
    /// The value of the property, or `nil` when the record lacks it.
    func copyField(named name: String) -> Field?
}

extension JSONElement: CopyFieldSource, CopyRecordSource {
    var copyKind: Kind { kind }
    var copyBool: Bool? { kind == .bool ? value.boolValue : nil }
    var copyString: String? { stringValue }
    var copyNumberText: String? { numberValue?.text }
    var copyValue: JSONValue { value }
    func copyField(named name: String) -> JSONElement? { member(name) }
}

extension JSONValue: CopyFieldSource {
    var copyKind: JSONElement.Kind {
        switch self {
        case .null: .null
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }
    var copyBool: Bool? { boolValue }
    var copyString: String? { stringValue }
    var copyNumberText: String? { numberValue?.text }
    var copyValue: JSONValue { self }
}

extension JSONObject: CopyRecordSource {
    func copyField(named name: String) -> JSONValue? { self[name] }
}
