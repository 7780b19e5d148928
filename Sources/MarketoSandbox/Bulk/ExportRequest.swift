import SandboxKit
import Singer

/// Validates a create-export body as Marketo documents it: JSON content type, one date
/// filter (`createdAt`, or `updatedAt` for leads) with `startAt`/`endAt` at most 31 days
/// apart, known lead fields (required for leads), CSV/TSV/SSV.
extension MarketoAPI {
    static let maxRangeSeconds = 31 * 86_400

    func exportSpec(_ request: SandboxRequest, kind: ExportJob.Kind) throws -> ExportJob.Spec {
        guard request.header("Content-Type")?.lowercased().contains("json") == true else {
            throw MarketoError(code: "612", message: "Invalid Content Type")
        }
        var parser = JSONParser()
        guard let body = try? parser.parse(request.body), body.objectValue != nil else {
            throw MarketoError(code: "609", message: "Invalid JSON")
        }
        let format = (body["format"]?.stringValue ?? "CSV").uppercased()
        guard ["CSV", "TSV", "SSV"].contains(format) else { throw MarketoError.invalidValue("Invalid format: \(format)") }
        guard let filter = body["filter"]?.objectValue else { throw MarketoError.missing("filter") }
        let dateKeys = filter.members.map(\.key).filter { $0 == "createdAt" || $0 == "updatedAt" }
        let allowed: Set<String> = kind == .leads ? ["createdAt", "updatedAt"] : ["createdAt", "activityTypeIds"]
        if let unknown = filter.members.map(\.key).first(where: { !allowed.contains($0) }) {
            throw MarketoError.invalidValue("Invalid filter type: \(unknown)")
        }
        guard dateKeys.count == 1, let filterField = dateKeys.first else {
            throw MarketoError.invalidValue(kind == .leads ? "Exactly one filter type (createdAt or updatedAt) is required" : "createdAt filter is required")
        }
        if filterField == "updatedAt", !options.supportsUpdatedAtFilter { throw MarketoError.updatedAtUnsupported }
        let range = body["filter"]?[filterField]
        guard let startText = range?["startAt"]?.stringValue, let endText = range?["endAt"]?.stringValue else {
            throw MarketoError.invalidValue("\(filterField) filter needs startAt and endAt")
        }
        guard let startAt = MarketoTime.parse(startText), let endAt = MarketoTime.parse(endText) else {
            throw MarketoError.invalidValue("Invalid date in \(filterField) filter: \(startText) / \(endText)")
        }
        guard startAt <= endAt else { throw MarketoError.invalidValue("\(filterField).startAt is after endAt") }
        guard endAt - startAt <= Self.maxRangeSeconds else {
            throw MarketoError.invalidValue("\(filterField) date range exceeds 31 days")
        }
        var fields = (body["fields"]?.arrayValue ?? []).compactMap(\.stringValue)
        switch kind {
        case .leads:
            guard !fields.isEmpty else { throw MarketoError.missing("fields") }
            let known = Set(LeadField.allCases.filter(\.hasREST).map(\.rawValue))
            let unknown = fields.filter { !known.contains($0) }
            guard unknown.isEmpty else { throw MarketoError.invalidValue("Invalid fields: \(unknown.joined(separator: ","))") }
        case .activities:
            if fields.isEmpty { fields = ExportFileWriter.activityColumns }
            let unknown = fields.filter { !ExportFileWriter.activityColumns.contains($0) }
            guard unknown.isEmpty else { throw MarketoError.invalidValue("Invalid fields: \(unknown.joined(separator: ","))") }
        }
        var typeIDs: Set<Int> = []
        if let ids = body["filter"]?["activityTypeIds"] {
            guard let list = ids.arrayValue, list.allSatisfy({ $0.intValue != nil }) else {
                throw MarketoError.invalidValue("activityTypeIds must be an array of integers")
            }
            typeIDs = Set(list.compactMap(\.intValue))
        }
        var headers: [String: String] = [:]
        for member in body["columnHeaderNames"]?.objectValue?.members ?? [] {
            if let name = member.value.stringValue { headers[member.key] = name }
        }
        return ExportJob.Spec(kind: kind, format: format, fields: fields, headers: headers, filterField: filterField,
                              startAt: startAt, endAt: endAt, activityTypeIds: typeIDs)
    }
}
