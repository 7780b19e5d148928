/// A Singer catalog: the `--discover` output a tap writes and the `--catalog` (or legacy
/// `--properties`, same shape) file it reads.
///
/// Keys this library does not model survive a read and a write, at every level, so a user's
/// hand-set metadata is never dropped.
///
/// ```swift
/// var parser = JSONParser()
/// let catalog = try Catalog(json: parser.parse(#"{"streams":[{"stream":"Account","schema":{}}]}"#))
/// catalog["Account"]?.stream                        // "Account" (tap_stream_id defaulted)
/// catalog.selectedEntries(rule: .singerIO).count   // 0: nothing has selected: true
/// ```
public struct Catalog: Sendable, Hashable {
    /// The streams, in catalog order.
    public var streams: [CatalogEntry]
    /// Top-level keys as read; `streams` is written from the property above.
    private var members: JSONObject

    /// A catalog of `streams`.
    public init(streams: [CatalogEntry] = []) {
        self.streams = streams
        members = ["streams": .null]
    }

    /// Reads a catalog document; errors name the stream index and what is wrong.
    public init(json: JSONValue) throws(CatalogError) {
        guard let object = json.objectValue else {
            throw .invalidCatalog(reason: "expected an object, found \(json.typeName)")
        }
        guard let rawStreams = object["streams"] else {
            throw .invalidCatalog(reason: "missing \"streams\"")
        }
        guard let elements = rawStreams.arrayValue else {
            throw .invalidCatalog(reason: "\"streams\" must be an array, found \(rawStreams.typeName)")
        }
        var streams: [CatalogEntry] = []
        streams.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            streams.append(try CatalogEntry(json: element, index: index))
        }
        self.streams = streams
        members = object
    }

    /// The catalog as JSON, keys in their original order.
    public var json: JSONValue {
        var object = members
        object["streams"] = .array(streams.map(\.json))
        return .object(object)
    }

    /// The first entry whose `tap_stream_id` is `tapStreamID`.
    public subscript(tapStreamID: String) -> CatalogEntry? {
        get { streams.first { $0.tapStreamID == tapStreamID } }
        set {
            let position = streams.firstIndex { $0.tapStreamID == tapStreamID }
            switch (position, newValue) {
            case (let position?, let entry?): streams[position] = entry
            case (let position?, nil): streams.remove(at: position)
            case (nil, let entry?): streams.append(entry)
            case (nil, nil): break
            }
        }
    }

    /// The first entry whose `stream` name is `stream`.
    public func entry(stream: String) -> CatalogEntry? { streams.first { $0.stream == stream } }

    /// The entries `rule` selects, in catalog order.
    public func selectedEntries(rule: SelectionRule) -> [CatalogEntry] {
        streams.filter { $0.isSelected(rule: rule) }
    }

    public static func == (lhs: Catalog, rhs: Catalog) -> Bool { lhs.json == rhs.json }
    public func hash(into hasher: inout Hasher) { hasher.combine(json) }
}
