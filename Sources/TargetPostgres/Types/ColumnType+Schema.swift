import Singer

extension ColumnType {
    /// The column type for a property with `schema`: the narrowest type that holds every value
    /// the schema allows.
    ///
    /// | schema | column |
    /// | --- | --- |
    /// | `string` | `text` |
    /// | `string` + `format: date-time` / `date` / `time` | `timestamptz` / `date` / `time` |
    /// | `string` + `format: singer.decimal` / `x-singer.decimal` | `numeric` |
    /// | `integer` | `bigint` |
    /// | `number`, or `integer` and `number` | `numeric` |
    /// | `boolean` | `boolean` |
    /// | `object`, `array` | `jsonb` |
    /// | `{}`, no `type` at all | `jsonb` |
    /// | only `null` (or nothing passes) | `text` |
    ///
    /// `null` never matters (every column is nullable). Several types — a `type` list, or
    /// `anyOf`/`oneOf` branches, each mapped on its own — combine by
    /// ``widening(existing:incoming:)``: `integer` and `number` → `numeric`; scalars of
    /// different kinds (`integer` and `string`, `boolean` and `integer`, a `date-time` string
    /// and a plain string) → `text`, which holds each value's JSON spelling; any object or array
    /// among them → `jsonb`. A `date-time` branch next to a plain `string` branch, as the
    /// Singer SDK writes Salesforce dates, is therefore `text`: the plain branch admits strings
    /// that are not timestamps, and a `timestamptz` column would reject them mid-load.
    ///
    /// ```swift
    /// ColumnType.forSchema(try JSONSchema(["type": ["null", "integer"]]))           // .bigint
    /// ColumnType.forSchema(try JSONSchema(["type": ["integer", "string"]]))         // .text
    /// ColumnType.forSchema(try JSONSchema(["type": "string", "format": "date-time"]))  // .timestamptz
    /// ```
    public static func forSchema(_ schema: JSONSchema) -> ColumnType {
        if schema.acceptsEverything { return .jsonb }
        let branches = schema.alternatives
        var result: ColumnType?
        for branch in branches {
            // A branch is read within its parent: `{"type": "string", "anyOf": [{"format":
            // "date"}, {"maxLength": 3}]}` has string branches, though neither says so.
            let isParent = branches.count == 1 && branch == schema
            let types = isParent ? schema.nonNullTypes : restricted(branch.nonNullTypes, to: ownTypes(of: schema))
            let format = isParent ? schema.format : (branch.format ?? schema.format)
            guard let type = forTypes(types, format: format) else { continue }
            result = result.map { widening(existing: $0, incoming: type) } ?? type
        }
        return result ?? .text
    }

    /// The type holding every value of `types` (with `format` applying to strings); `nil` for
    /// no types at all.
    static func forTypes(_ types: SchemaTypeSet, format: SchemaFormat?) -> ColumnType? {
        var result: ColumnType?
        for type in types.types {
            let column: ColumnType
            switch type {
            case .null: continue
            case .integer: column = .bigint
            case .number: column = .numeric
            case .boolean: column = .boolean
            case .object, .array: column = .jsonb
            case .string: column = forString(format: format)
            }
            result = result.map { widening(existing: $0, incoming: column) } ?? column
        }
        return result
    }

    /// The column for strings of `format`.
    static func forString(format: SchemaFormat?) -> ColumnType {
        switch format {
        case .dateTime?: .timestamptz
        case .date?: .date
        case .time?: .time
        case let format? where format.isDecimal: .numeric
        default: .text
        }
    }

    /// The types `schema`'s own `type` keyword allows (every type without one).
    ///
    /// Read from the JSON rather than ``JSONSchema/types``, which already intersects the
    /// branches' types and, for a `number` parent of an `integer` branch, comes out empty.
    private static func ownTypes(of schema: JSONSchema) -> SchemaTypeSet {
        switch schema.json["type"] {
        case .string(let name)?:
            return SchemaType(rawValue: name).map(SchemaTypeSet.init) ?? .all
        case .array(let names)?:
            return names.reduce(into: SchemaTypeSet()) { set, name in
                if let type = name.stringValue.flatMap(SchemaType.init(rawValue:)) { set.insert(SchemaTypeSet(type)) }
            }
        default:
            return .all
        }
    }

    /// The types a branch's values can have inside a parent allowing `parent`; an integer
    /// passes `number`, so `integer` survives an intersection with `number` either way round.
    private static func restricted(_ branch: SchemaTypeSet, to parent: SchemaTypeSet) -> SchemaTypeSet {
        var types = branch.intersection(parent)
        let integral = (branch.contains(.integer) && parent.contains(.number))
            || (branch.contains(.number) && parent.contains(.integer))
        if integral { types.insert(.integer) }
        return types
    }
}
