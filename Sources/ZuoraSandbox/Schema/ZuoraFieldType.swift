/// Zuora's describe data types (boolean, date, datetime, decimal, integer, picklist, text,
/// timestamp, ZOQL), as written in `<type>`.
public enum ZuoraFieldType: String, Sendable, Hashable {
    case boolean, date, datetime, decimal, integer, picklist, text, timestamp
    case zoql = "ZOQL"
}

/// One field of an object's describe.
public struct ZuoraField: Sendable, Hashable {
    /// API name, e.g. `UpdatedDate`.
    public var name: String
    /// Display label.
    public var label: String
    /// Data type.
    public var type: ZuoraFieldType
    /// Picklist options (empty for other types).
    public var options: [String]
    /// Whether the field is required on create.
    public var required: Bool
    /// Whether the field has the `export` context (selectable by AQuA and export ZOQL).
    public var exportable: Bool

    public init(_ name: String, _ type: ZuoraFieldType, label: String? = nil, options: [String] = [], required: Bool = false, exportable: Bool = true) {
        self.name = name
        self.label = label ?? Self.label(for: name)
        self.type = type
        self.options = options
        self.required = required
        self.exportable = exportable
    }

    /// `UpdatedDate` → `Updated Date`, `MRR` stays.
    static func label(for name: String) -> String {
        var result = ""
        var previous: Character?
        for character in name {
            if character.isUppercase, let previous, previous.isLowercase { result.append(" ") }
            result.append(character)
            previous = character
        }
        return result
    }
}

/// A related object: queried as `<name>.Field`, resolved through `foreignKey` on this object.
public struct ZuoraRelation: Sendable, Hashable {
    /// The relation's name, e.g. `BillToContact`.
    public var name: String
    /// The object it points to, e.g. `Contact`.
    public var object: String
    /// The field on this object that holds the related record's Id, e.g. `BillToId`.
    public var foreignKey: String

    public init(_ name: String, object: String, foreignKey: String) {
        self.name = name
        self.object = object
        self.foreignKey = foreignKey
    }
}
