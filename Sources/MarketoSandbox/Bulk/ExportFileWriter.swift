import Singer

/// Writes a bulk extract file the way Marketo does: a header row of field names (or
/// `columnHeaderNames`), `null` for empty values, and `"`-quoting (with doubled quotes) for
/// values holding the delimiter, a quote or a line break. Activity `attributes` are a JSON
/// object, `{}` when there are none.
struct ExportFileWriter {
    let spec: ExportJob.Spec
    private(set) var bytes: [UInt8] = []
    private(set) var rows = 0

    init(spec: ExportJob.Spec) {
        self.spec = spec
        bytes.reserveCapacity(1 << 16)
        writeRow(spec.fields.map { spec.headers[$0] ?? $0 })
    }

    static func leads(_ data: MarketoData, spec: ExportJob.Spec) -> (bytes: [UInt8], rows: Int) {
        var writer = ExportFileWriter(spec: spec)
        let fields = spec.fields.compactMap(LeadField.init(rawValue:))
        let byUpdate = spec.filterField == "updatedAt"
        for lead in data.leads where lead.deletedAt == nil {
            let stamp = byUpdate ? lead.updatedAt : lead.createdAt
            guard stamp >= spec.startAt, stamp <= spec.endAt else { continue }
            writer.writeRow(fields.map { lead.text($0) })
        }
        return (writer.bytes, writer.rows - 1)
    }

    static func activities(_ data: MarketoData, spec: ExportJob.Spec) -> (bytes: [UInt8], rows: Int) {
        var writer = ExportFileWriter(spec: spec)
        for activity in data.activities where activity.activityTypeId != ActivityType.deleteLead {
            guard activity.activityDate >= spec.startAt, activity.activityDate <= spec.endAt else { continue }
            guard spec.activityTypeIds.isEmpty || spec.activityTypeIds.contains(activity.activityTypeId) else { continue }
            writer.writeRow(spec.fields.map { column(activity, $0) })
        }
        return (writer.bytes, writer.rows - 1)
    }

    static let activityColumns = ["marketoGUID", "leadId", "activityDate", "activityTypeId", "campaignId",
                                  "primaryAttributeValueId", "primaryAttributeValue", "attributes"]

    private static func column(_ activity: Activity, _ name: String) -> String? {
        switch name {
        case "marketoGUID": activity.marketoGUID
        case "leadId": String(activity.leadId)
        case "activityDate": MarketoTime.format(activity.activityDate)
        case "activityTypeId": String(activity.activityTypeId)
        case "campaignId": activity.campaignId.map(String.init)
        case "primaryAttributeValueId": activity.primaryAttributeValueId.map(String.init)
        case "primaryAttributeValue": activity.primaryAttributeValue
        case "attributes": JSONWriter.string(from: attributesObject(activity))
        default: nil
        }
    }

    static func attributesObject(_ activity: Activity) -> JSONValue {
        .object(JSONObject(activity.attributes.map { JSONObject.Member(key: $0.name, value: jsonValue($0.value)) }))
    }

    static func jsonValue(_ value: Activity.Value) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .integer(let number): .int(number)
        case .boolean(let flag): .bool(flag)
        }
    }

    mutating func writeRow(_ values: [String?]) {
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(spec.delimiter) }
            guard let value else {
                bytes.append(contentsOf: "null".utf8)
                continue
            }
            let utf8 = value.utf8
            let needsQuotes = utf8.contains { $0 == spec.delimiter || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            if needsQuotes {
                bytes.append(UInt8(ascii: "\""))
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(10)
        rows += 1
    }
}
