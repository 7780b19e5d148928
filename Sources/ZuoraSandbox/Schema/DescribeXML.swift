/// Renders `GET /v1/describe` and `GET /v1/describe/{Object}` as Zuora's XML: `<objects>` of
/// `<object href><name><label>`; and `<object><name><label><fields><field>…` with `<type>`,
/// `<options>`, `<required>`, `<contexts>` and `<related-objects>`.
enum DescribeXML {
    static func list(_ names: [(name: String, label: String)], baseURL: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<objects>\n"
        for entry in names {
            xml += "  <object href=\"\(escape(baseURL))/v1/describe/\(escape(entry.name))\"><name>\(escape(entry.name))</name><label>\(escape(entry.label))</label></object>\n"
        }
        return xml + "</objects>\n"
    }

    static func object(_ object: ZuoraObject, baseURL: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<object>\n"
        xml += "  <name>\(escape(object.name))</name>\n  <label>\(escape(object.label))</label>\n  <fields>\n"
        for field in object.fields {
            xml += "    <field>\n      <name>\(escape(field.name))</name>\n      <label>\(escape(field.label))</label>\n"
            xml += "      <selectable>true</selectable>\n      <createable>\(field.name != "Id" && !field.name.hasSuffix("Date") ? "true" : "false")</createable>\n"
            xml += "      <updateable>\(field.name != "Id" ? "true" : "false")</updateable>\n      <filterable>true</filterable>\n"
            xml += "      <custom>false</custom>\n"
            if field.type == .text { xml += "      <maxlength>255</maxlength>\n" }
            xml += "      <required>\(field.required ? "true" : "false")</required>\n      <type>\(field.type.rawValue)</type>\n"
            if !field.options.isEmpty {
                xml += "      <options>\n" + field.options.map { "        <option>\(escape($0))</option>\n" }.joined() + "      </options>\n"
            }
            xml += "      <contexts>\n        <context>soap</context>\n"
            if field.exportable { xml += "        <context>export</context>\n" }
            xml += "      </contexts>\n    </field>\n"
        }
        xml += "  </fields>\n  <related-objects>\n"
        for relation in object.relations {
            xml += "    <object href=\"\(escape(baseURL))/v1/describe/\(escape(relation.object))\"><name>\(escape(relation.name))</name><label>\(escape(ZuoraField.label(for: relation.name)))</label></object>\n"
        }
        return xml + "  </related-objects>\n</object>\n"
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
