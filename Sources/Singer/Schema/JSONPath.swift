/// Where something sits in a JSON document: a root name followed by keys and indices, written
/// the way a person reads it (`record.LineItems[3].Price`, `schema.properties["Unit Price"]`).
///
/// ```swift
/// let path = JSONPath(root: "record").appending(key: "LineItems").appending(index: 3)
/// path.description   // "record.LineItems[3]"
/// ```
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step into an object member or an array element.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// What the document is called in messages: `record`, `schema`, `catalog.streams[2].schema`.
    public var root: String
    /// The steps from the root, outermost first.
    public var components: [Component]

    /// A path at `root`, or below it through `components`.
    public init(root: String, components: [Component] = []) {
        self.root = root
        self.components = components
    }

    /// This path one object member further down.
    public func appending(key: String) -> JSONPath {
        JSONPath(root: root, components: components + [.key(key)])
    }

    /// This path one array element further down.
    public func appending(index: Int) -> JSONPath {
        JSONPath(root: root, components: components + [.index(index)])
    }

    /// `record.LineItems[3].Price`; keys that are not plain names are quoted: `record["Unit Price"]`.
    public var description: String {
        var text = root
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.readsAsName(key):
                text += text.isEmpty ? key : "." + key
            case .key(let key):
                // Keys with dots, spaces or brackets would make a dotted path ambiguous.
                text += "[" + JSONWriter.string(from: .string(key)) + "]"
            }
        }
        return text
    }

    /// The path with `root` left out: `LineItems[3].Price`.
    var relativeDescription: String {
        JSONPath(root: "", components: components).description
    }

    private static func readsAsName(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "$" || scalar == "-"
        }
    }
}
