/// What the validation walk needs to read from a value, so the rules in ``ValidationRun`` are
/// written once for both forms a record takes: an owned `JSONValue`, and a `JSONElement` over
/// the input line, which a target validates without building a `JSONValue` per field.
///
/// Everything here is meant for the passing case and must not allocate for an element;
/// ``materialized`` is for the rare keyword that compares whole values (`enum`) and for
/// building messages once something has failed.
protocol ValidatedValue {
    /// The value's JSON type, which picks the keywords that apply.
    var validationKind: ValidatedKind { get }

    /// Whether a number is whole (`1.0` counts), for `type: integer`. Only asked of numbers.
    var isIntegralNumber: Bool { get }

    /// The value as an owned `JSONValue`: for `enum`, and for messages after a failure.
    var materialized: JSONValue { get }

    /// Calls `body` with a string's UTF-8, decoding escapes into `scratch` only when there are
    /// any. Only asked of strings.
    func withStringUTF8<Result>(scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result

    /// Calls `body` with a number's digits, `nil` for `NaN` and the infinities. Only asked of numbers.
    func withNumberDigits<Result>(_ body: (DecimalDigits?) -> Result) -> Result

    /// Calls `body` with each member in order: its index in `table` (found by the table's
    /// cursor, so members in schema order cost one comparison each), its value, and a way to
    /// build its name for an error path. Stops when `body` returns false.
    func forEachMember(lookingUpIn table: PropertyTable, _ body: (_ entry: Int?, _ value: Self, _ name: () -> String) -> Bool)

    /// Whether an object has a member called `name` (compared as `String`s are).
    func hasMember(named name: String) -> Bool

    /// Calls `body` with each array element and its index. Stops when `body` returns false.
    func forEachElement(_ body: (_ index: Int, _ element: Self) -> Bool)
}

/// The six JSON types as the walk tells them apart.
/// The JSON kinds the validator tells apart: the same for parsed and built values.
typealias ValidatedKind = JSONElement.Kind

extension ValidatedValue {
    /// A number's text exactly as written, for messages.
    var numberText: String {
        if case .number(let number) = materialized { return number.text }
        return ""
    }
}

extension SchemaTypeSet {
    /// ``admits(_:)`` for either form of a value; only numbers that `integer` alone could admit
    /// are looked at closely.
    func admits(validated value: some ValidatedValue) -> Bool {
        switch value.validationKind {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .string: contains(.string)
        case .array: contains(.array)
        case .object: contains(.object)
        case .number: contains(.number) || (contains(.integer) && value.isIntegralNumber)
        }
    }
}

extension JSONValue: ValidatedValue {
    var validationKind: ValidatedKind { kind }

    var isIntegralNumber: Bool {
        if case .number(let number) = self { return number.isIntegral }
        return false
    }

    var materialized: JSONValue { self }

    func withStringUTF8<Result>(scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard case .string(let string) = self else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        // Only bridged strings land here; a copy keeps the walk simple.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: string.utf8)
        return scratch.withUnsafeBufferPointer(body)
    }

    func withNumberDigits<Result>(_ body: (DecimalDigits?) -> Result) -> Result {
        guard case .number(let number) = self else { return body(nil) }
        return number.withDigits(body)
    }

    func forEachMember(lookingUpIn table: PropertyTable, _ body: (Int?, JSONValue, () -> String) -> Bool) {
        guard case .object(let object) = self else { return }
        var cursor = 0
        // Index-based access keeps the walk from copying (and reference counting) each member.
        let members = object.members
        for position in members.indices {
            let found = table.lookup(members[position].key, cursor: &cursor)
            guard body(found, members[position].value, { members[position].key }) else { return }
        }
    }

    func hasMember(named name: String) -> Bool {
        if case .object(let object) = self { return object[name] != nil }
        return false
    }

    func forEachElement(_ body: (Int, JSONValue) -> Bool) {
        guard case .array(let elements) = self else { return }
        for index in elements.indices where !body(index, elements[index]) { return }
    }
}
