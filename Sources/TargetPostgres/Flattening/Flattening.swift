import Singer

/// The Singer SDK's schema flattening: properties of nested objects become top-level columns
/// named `parent__child`, down to `maxDepth` levels; an object nested deeper, an array, or an
/// object without declared properties stays one `jsonb` column.
///
/// ```swift
/// let flattening = Flattening(maxDepth: 1)
/// flattening.columns(of: schema)   // address__city, address__zip, tags …
/// flattening.flatten(record, columns: columns)   // ["address__city": "Paris", …]
/// ```
struct Flattening: Sendable, Hashable {
    /// One column of the flattened record: its name and the path of property names to its value.
    struct Column: Sendable, Hashable {
        var name: String
        var path: [String]
        var schema: JSONSchema
    }

    static let separator = "__"
    var maxDepth: Int

    /// The flattened columns of a stream's schema, in schema order.
    func columns(of schema: JSONSchema) -> [Column] {
        var columns: [Column] = []
        func visit(_ schema: JSONSchema, path: [String], depth: Int) {
            for property in schema.properties {
                let childPath = path + [property.name]
                let child = property.schema
                if depth < maxDepth, child.nonNullTypes == [.object], !child.properties.isEmpty {
                    visit(child, path: childPath, depth: depth + 1)
                } else {
                    columns.append(Column(name: childPath.joined(separator: Self.separator), path: childPath, schema: child))
                }
            }
        }
        visit(schema, path: [], depth: 0)
        return columns
    }

    /// The record with one member per column, read along each column's path (missing → absent).
    func flatten(_ record: JSONObject, columns: [Column]) -> JSONObject {
        var flat = JSONObject()
        flat.reserveCapacity(columns.count)
        for column in columns {
            var value: JSONValue? = .object(record)
            for name in column.path { value = value?[name] }
            if let value { flat.append(key: column.name, value: value) }
        }
        return flat
    }
}
