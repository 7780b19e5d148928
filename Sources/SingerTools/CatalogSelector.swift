import Singer

/// Marks streams and fields of a discovered catalog as selected from Meltano-style patterns,
/// so a selection can be written once (`Opportunity.*`, `!Task.Description`) and applied to
/// whatever a tap discovers.
///
/// A pattern is `STREAM.FIELD`, where either part may use `*` (any run of characters) and `?`
/// (one character); a leading `!` excludes. A stream is selected when some pattern names it
/// and `!STREAM.*` does not; its fields get an explicit `selected` so the catalog means the same
/// under the singer-io and the SDK selection rules. Automatic fields stay selected and
/// unsupported ones unselected, whatever the patterns say.
///
/// ```swift
/// let selector = try CatalogSelector(patterns: ["Opportunity.*", "Account.Name", "!Opportunity.Description"])
/// let selected = selector.apply(to: discovered)
/// ```
public struct CatalogSelector: Sendable {
    struct Rule: Sendable {
        var stream: GlobPattern
        var field: GlobPattern
        var excludes: Bool
    }

    let rules: [Rule]

    /// Parses `patterns`; each needs a stream and a field part separated by the first `.`.
    public init(patterns: [String]) throws(CatalogSelectorError) {
        rules = try patterns.map { (text: String) throws(CatalogSelectorError) -> Rule in
            let excludes = text.hasPrefix("!")
            let body = excludes ? String(text.dropFirst()) : text
            guard let dot = body.firstIndex(of: "."), dot != body.startIndex, body.index(after: dot) != body.endIndex else {
                throw CatalogSelectorError(pattern: text)
            }
            return Rule(stream: GlobPattern(String(body[..<dot])),
                        field: GlobPattern(String(body[body.index(after: dot)...])), excludes: excludes)
        }
    }

    /// `catalog` with `selected` set on every stream and field from the patterns.
    public func apply(to catalog: Catalog) -> Catalog {
        var result = catalog
        for position in result.streams.indices {
            apply(to: &result.streams[position])
        }
        return result
    }

    private func apply(to entry: inout CatalogEntry) {
        let stream = entry.tapStreamID
        let streamSelected = rules.contains { !$0.excludes && $0.stream.matches(stream) }
            && !rules.contains { $0.excludes && $0.stream.matches(stream) && $0.field.matchesEverything }
        entry.metadata.root.selected = streamSelected
        for name in entry.propertyNames {
            let breadcrumb = Breadcrumb.property(name)
            let inclusion = entry.metadata[breadcrumb]?.inclusion
            let fieldSelected: Bool
            switch inclusion {
            case .automatic: fieldSelected = true
            case .unsupported: fieldSelected = false
            default: fieldSelected = streamSelected && isSelected(stream: stream, field: name)
            }
            entry.metadata[breadcrumb, default: MetadataEntry(breadcrumb: breadcrumb)].selected = fieldSelected
        }
    }

    /// The last matching rule decides, as in Meltano's `select` list.
    private func isSelected(stream: String, field: String) -> Bool {
        var selected = false
        for rule in rules where rule.stream.matches(stream) && rule.field.matches(field) {
            selected = !rule.excludes
        }
        return selected
    }
}

/// A pattern the selector cannot read.
public struct CatalogSelectorError: Error, CustomStringConvertible, Sendable {
    public var pattern: String
    public var description: String {
        "selection pattern '\(pattern)' must look like STREAM.FIELD (wildcards * and ?, a leading ! excludes)"
    }
}

/// A shell-style wildcard over a whole name: `*` matches any run of characters, `?` one.
struct GlobPattern: Sendable {
    let characters: [Character]

    init(_ text: String) { characters = Array(text) }

    var matchesEverything: Bool { characters == ["*"] }

    func matches(_ name: String) -> Bool {
        let text = Array(name)
        // Iterative matcher with one backtrack point: linear in practice, no recursion.
        var patternIndex = 0, textIndex = 0
        var starIndex: Int?, starText = 0
        while textIndex < text.count {
            if patternIndex < characters.count, characters[patternIndex] == "?" || characters[patternIndex] == text[textIndex] {
                patternIndex += 1
                textIndex += 1
            } else if patternIndex < characters.count, characters[patternIndex] == "*" {
                starIndex = patternIndex
                starText = textIndex
                patternIndex += 1
            } else if let star = starIndex {
                patternIndex = star + 1
                starText += 1
                textIndex = starText
            } else {
                return false
            }
        }
        while patternIndex < characters.count, characters[patternIndex] == "*" { patternIndex += 1 }
        return patternIndex == characters.count
    }
}
