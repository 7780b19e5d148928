import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses Zuora's describe XML with Foundation's `XMLParser`: the object list of
/// `GET /v1/describe` and the fields of `GET /v1/describe/{Object}`. Elements the tap does
/// not need (labels, options, legacy flags) are ignored, and missing `<required>`,
/// `<contexts>` or `<related-objects>` (which crash the Python tap) read as empty.
///
/// ```swift
/// let names = try DescribeXML.objectNames(Data("<objects><object><name>Account</name></object></objects>".utf8))
/// let account = try DescribeXML.object(xmlData)   // ObjectDescription
/// ```
public enum DescribeXML {
    /// Why a describe document could not be read.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var reason: String
        public var description: String { "describe XML: \(reason)" }
    }

    /// The `object/name` texts under the root of `GET /v1/describe`.
    public static func objectNames(_ xml: Data) throws -> [String] {
        let collector = ElementCollector()
        try run(xml, collector)
        return collector.texts.compactMap { path, text in path == ["object", "name"] ? text : nil }
    }

    /// The object `GET /v1/describe/{Object}` describes.
    public static func object(_ xml: Data) throws -> ObjectDescription {
        let collector = ElementCollector()
        try run(xml, collector)
        var name = ""
        var fields: [ObjectDescription.Field] = []
        var related: [String] = []
        var current: ObjectDescription.Field?
        for (path, text) in collector.texts {
            switch path {
            case ["name"]: name = text
            case ["fields", "field", "name"]: current?.name = text
            case ["fields", "field", "type"]: current?.type = text
            case ["fields", "field", "required"]: current?.required = text.lowercased() == "true"
            case ["fields", "field", "contexts", "context"]: current?.contexts.append(text)
            case ["related-objects", "object", "name"]: related.append(text)
            case ["fields", "field"]:
                // The close of a field (an empty marker from the collector).
                if let field = current, !field.name.isEmpty { fields.append(field) }
                current = nil
            case ["fields", "field", "<open>"]:
                current = ObjectDescription.Field(name: "", type: "", contexts: [])
            default: break
            }
        }
        guard !name.isEmpty else { throw ParseError(reason: "no <name> under the root <object>") }
        return ObjectDescription(name: name, fields: fields, relatedObjects: related)
    }

    private static func run(_ xml: Data, _ collector: ElementCollector) throws {
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed"
            throw ParseError(reason: "\(reason) at line \(parser.lineNumber)")
        }
    }
}

/// Records each element's text with its path below the root (`["fields","field","name"]`),
/// plus an `<open>` marker when a `fields/field` starts and an empty entry when it ends.
private final class ElementCollector: NSObject, XMLParserDelegate {
    var texts: [([String], String)] = []
    private var path: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        path.append(elementName)
        text = ""
        let below = Array(path.dropFirst())
        if below == ["fields", "field"] { texts.append((below + ["<open>"], "")) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text += String(decoding: CDATABlock, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let below = Array(path.dropFirst())
        if below == ["fields", "field"] {
            texts.append((below, ""))
        } else if !below.isEmpty {
            texts.append((below, text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        text = ""
        path.removeLast()
    }
}
