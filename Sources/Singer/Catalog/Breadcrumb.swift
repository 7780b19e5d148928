/// The address of a metadata entry: `[]` is the stream itself, `["properties", "Name"]` a
/// top-level field, and each further `"properties", name` pair one level deeper.
///
/// ```swift
/// let city: Breadcrumb = .property("address", "city")   // ["properties","address","properties","city"]
/// city.propertyPath      // ["address", "city"]
/// city.parent            // .property("address")
/// Breadcrumb.stream.isStream   // true
/// ```
public struct Breadcrumb: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The raw breadcrumb components as written in the catalog.
    public var components: [String]

    /// A breadcrumb from raw components, e.g. `["properties", "Id"]`.
    public init(_ components: [String]) { self.components = components }

    /// A breadcrumb from an array literal of components.
    public init(arrayLiteral components: String...) { self.components = components }

    /// The stream's own breadcrumb, `[]`.
    public static let stream = Breadcrumb([])

    /// The breadcrumb of a field, given its path of property names from the top level down.
    public static func property(_ path: String...) -> Breadcrumb { Breadcrumb(propertyPath: path) }

    /// The breadcrumb of a field, given its path of property names from the top level down.
    public init(propertyPath: [String]) {
        components = propertyPath.flatMap { ["properties", $0] }
    }

    /// Whether this addresses the stream rather than a field.
    public var isStream: Bool { components.isEmpty }

    /// The property names from the top level down, or `nil` when the breadcrumb is not a plain
    /// chain of `"properties", name` pairs (or addresses the stream).
    public var propertyPath: [String]? {
        guard !components.isEmpty, components.count.isMultiple(of: 2) else { return nil }
        var path: [String] = []
        path.reserveCapacity(components.count / 2)
        for index in stride(from: 0, to: components.count, by: 2) {
            guard components[index] == "properties" else { return nil }
            path.append(components[index + 1])
        }
        return path
    }

    /// The name of the top-level field this breadcrumb lies under, if it addresses a field.
    public var topLevelProperty: String? {
        components.count >= 2 && components[0] == "properties" ? components[1] : nil
    }

    /// The enclosing breadcrumb (the last pair dropped); `nil` for the stream itself.
    public var parent: Breadcrumb? {
        guard !components.isEmpty else { return nil }
        return Breadcrumb(Array(components.dropLast(min(2, components.count))))
    }

    /// The breadcrumb of a child property of this one.
    public func appending(property name: String) -> Breadcrumb {
        Breadcrumb(components + ["properties", name])
    }

    /// The breadcrumb as catalog JSON: an array of strings.
    public var json: JSONValue { .array(components.map { .string($0) }) }

    /// Reads a breadcrumb from catalog JSON; `nil` unless it is an array of strings.
    public init?(json: JSONValue) {
        guard let elements = json.arrayValue else { return nil }
        var components: [String] = []
        components.reserveCapacity(elements.count)
        for element in elements {
            guard let component = element.stringValue else { return nil }
            components.append(component)
        }
        self.components = components
    }
}

extension Breadcrumb: CustomStringConvertible {
    /// `stream` for `[]`, a dotted field path such as `address.city`, or the raw JSON otherwise.
    public var description: String {
        if isStream { return "stream" }
        if let path = propertyPath { return path.joined(separator: ".") }
        return json.description
    }
}
