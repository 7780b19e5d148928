import Singer

/// Flattens a bulk activity export row into the Python tap's record shape: base columns typed,
/// `primary_attribute_value(_id)` from the columns, `primary_attribute_name` from metadata, and
/// the `attributes` JSON object merged in with cleaned keys.
enum ActivityRecord {
    static let exportFields = [
        "marketoGUID", "leadId", "activityDate", "activityTypeId", "campaignId",
        "primaryAttributeValue", "primaryAttributeValueId", "attributes",
    ]
    private static let baseColumns = ["marketoGUID", "leadId", "activityDate", "activityTypeId", "campaignId"]

    static func make(
        row: CSVRow, mapper: CSVRecordMapper, schema: JSONValue, selected: Set<String>,
        primaryAttributeName: String?, invalid: (String, String) -> Void
    ) -> JSONObject {
        var record = JSONObject()
        func put(_ name: String, _ text: String?) {
            guard selected.contains(name), let text else { return }
            let converter = FieldConverter(schema: schema["properties"]?[name])
            record[name] = converter.convert(text) { invalid(name, $0) }
        }
        for name in baseColumns { put(name, mapper.text(name, in: row)) }
        if let primaryAttributeName {
            put("primary_attribute_value", mapper.text("primaryAttributeValue", in: row))
            put("primary_attribute_value_id", mapper.text("primaryAttributeValueId", in: row))
            if selected.contains("primary_attribute_name") { record["primary_attribute_name"] = .string(primaryAttributeName) }
        }
        if let text = mapper.text("attributes", in: row), !text.isEmpty, text != "null" {
            var parser = JSONParser()
            if let attributes = (try? parser.parse(text))?.objectValue {
                for member in attributes {
                    let name = MarketoFieldType.cleanName(member.key)
                    guard selected.contains(name), record[name] == nil else { continue }
                    if case .string(let value) = member.value {
                        put(name, value)
                    } else {
                        record[name] = member.value
                    }
                }
            } else {
                invalid("attributes", text)
            }
        }
        return record
    }
}
