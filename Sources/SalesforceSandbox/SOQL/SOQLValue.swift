import Singer

/// A field value decoded from its JSON fragment for filtering and sorting.
enum SOQLValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    /// Text folded to lower case: SOQL's `=`, `LIKE` and ORDER BY ignore case.
    case text(String)
    case dateTime(Int64)
    case date(Int)
    case time(Int)

    var isNull: Bool { if case .null = self { true } else { false } }

    /// Decodes a REST JSON fragment of a field of `type`.
    static func decode(_ fragment: UnsafeBufferPointer<UInt8>, type: FieldType) -> SOQLValue {
        guard let first = fragment.first else { return .null }
        if first == UInt8(ascii: "n") { return .null }
        switch type {
        case .boolean: return .bool(first == UInt8(ascii: "t"))
        case .int, .double, .currency, .percent:
            return Double(String(decoding: fragment, as: UTF8.self)).map(SOQLValue.number) ?? .null
        case .datetime:
            guard fragment.count >= 2 else { return .null }
            let inner = UnsafeBufferPointer(rebasing: fragment[1..<fragment.count - 1])
            guard let moment = RFC3339.parseDateTime(inner) else { return .null }
            return .dateTime(Int64(moment.secondsSince1970) * 1000 + Int64(moment.time.nanosecond / 1_000_000))
        case .date:
            guard fragment.count >= 2, let date = RFC3339.parseDate(UnsafeBufferPointer(rebasing: fragment[1..<fragment.count - 1])) else { return .null }
            return .date(date.daysSince1970)
        case .time:
            guard fragment.count >= 2, let time = RFC3339.parseTime(UnsafeBufferPointer(rebasing: fragment[1..<fragment.count - 1])) else { return .null }
            return .time(time.secondsSinceMidnight * 1000 + time.nanosecond / 1_000_000)
        default:
            guard first == UInt8(ascii: "\"") else { return .text(String(decoding: fragment, as: UTF8.self).lowercased()) }
            if !fragment.contains(UInt8(ascii: "\\")) {
                return .text(String(decoding: UnsafeBufferPointer(rebasing: fragment[1..<fragment.count - 1]), as: UTF8.self).lowercased())
            }
            var parser = JSONParser()
            let value = try? parser.parse(UnsafeRawBufferPointer(fragment))
            return .text(value?.stringValue?.lowercased() ?? "")
        }
    }

    /// Orders two non-null values of the same kind; `nil` when either is null or kinds differ.
    static func compare(_ lhs: SOQLValue, _ rhs: SOQLValue) -> Int? {
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return order(a ? 1 : 0, b ? 1 : 0)
        case (.number(let a), .number(let b)): return order(a, b)
        case (.text(let a), .text(let b)): return order(a, b)
        case (.dateTime(let a), .dateTime(let b)): return order(a, b)
        case (.date(let a), .date(let b)): return order(a, b)
        case (.time(let a), .time(let b)): return order(a, b)
        default: return nil
        }
    }
}
