/// One of the seven type names JSON Schema's `type` keyword accepts.
public enum SchemaType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case integer, number, string, boolean, object, array, null

    public var description: String { rawValue }
}

/// A set of ``SchemaType``s, kept as a bitmask so checking a value's type costs one AND.
///
/// ```swift
/// let types: SchemaTypeSet = [.number, .null]
/// types.admits(.number(JSONNumber(5)))   // true: `number` admits integers too
/// types.subtracting(.null).names         // ["number"]
/// ```
public struct SchemaTypeSet: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The set holding just `type`.
    public init(_ type: SchemaType) {
        rawValue = 1 << UInt8(SchemaType.allCases.firstIndex(of: type) ?? 0)
    }

    /// The single types, for set literals such as `[.string, .null]`.
    public static let integer = SchemaTypeSet(.integer)
    public static let number = SchemaTypeSet(.number)
    public static let string = SchemaTypeSet(.string)
    public static let boolean = SchemaTypeSet(.boolean)
    public static let object = SchemaTypeSet(.object)
    public static let array = SchemaTypeSet(.array)
    public static let null = SchemaTypeSet(.null)
    /// Every type: what a schema without a `type` keyword allows.
    public static let all: SchemaTypeSet = [.integer, .number, .string, .boolean, .object, .array, .null]

    /// The members in a fixed order (integer, number, string, boolean, object, array, null).
    public var types: [SchemaType] { SchemaType.allCases.filter { contains(SchemaTypeSet($0)) } }

    /// The member names in the same fixed order.
    public var names: [String] { types.map(\.rawValue) }

    /// Whether a value of this JSON type passes a `type` keyword listing these types. `integer`
    /// admits any integral number, `1.0` included, as Python's jsonschema does.
    public func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .string: contains(.string)
        case .array: contains(.array)
        case .object: contains(.object)
        case .number(let number):
            contains(.number) || (contains(.integer) && number.isIntegral)
        }
    }

    /// "number or null", "integer, string or null": the wording used in validation messages.
    public var description: String {
        let names = self.names
        guard names.count > 1 else { return names.first ?? "nothing" }
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }
}
