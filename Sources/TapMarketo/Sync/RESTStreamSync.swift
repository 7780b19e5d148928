import Singer

/// Syncs the REST streams: `activity_types` (all rows), `campaigns` and `lists` (nextPageToken
/// paging, `next_page_token` saved after each page), `programs` (offset paging bounded by
/// `earliestUpdatedAt`/`latestUpdatedAt` until Marketo's "No assets found" warning, error 709),
/// and `deleted_leads` (paging token from `activities/pagingtoken.json`).
struct RESTStreamSync {
    let context: SyncContext
    let entry: CatalogEntry

    private var stream: String { entry.tapStreamID }
    private var selected: Set<String> { Set(entry.selectedProperties(rule: .singerIO)) }

    func run() throws {
        switch stream {
        case "activity_types": try activityTypes()
        case "campaigns": try tokenPaged("rest/v1/campaigns.json")
        case "lists": try tokenPaged("rest/v1/lists.json")
        case "programs": try programs()
        case "deleted_leads": try deletedLeads()
        default:
            throw MarketoError.unexpectedResponse(endpoint: "catalog", reason: "unknown stream '\(stream)'")
        }
    }

    private func activityTypes() throws {
        var token: String?
        repeat {
            let envelope = try context.client.get("rest/v1/activities/types.json", query: token.map { [("nextPageToken", $0)] } ?? [])
            for row in envelope.result { try emit(row) }
            token = envelope.moreResult ? envelope.nextPageToken : nil
        } while token != nil
    }

    private func tokenPaged(_ path: String) throws {
        let bookmark = context.bookmarkSeconds(stream, key: "updatedAt")
        var token = context.state.bookmark(stream: stream, key: "next_page_token")?.stringValue
        repeat {
            var query = [("batchSize", "300")]
            if let token { query.append(("nextPageToken", token)) }
            let envelope = try context.client.get(path, query: query)
            for row in envelope.result where updatedAt(row) >= bookmark { try emit(row) }
            token = envelope.nextPageToken
            context.setBookmark(stream, "next_page_token", token.map(JSONValue.string) ?? .null)
            if token != nil { try context.emitState() }
        } while token != nil
        context.setBookmark(stream, "updatedAt", .string(MarketoTime.isoformat(context.runStart)))
        context.setBookmark(stream, "next_page_token", .null)
        try context.emitState()
    }

    static let noAssetsWarning = "No assets found for the given search criteria."

    private func programs() throws {
        let bookmark = context.bookmarkSeconds(stream, key: "updatedAt")
        let latest = context.runStart.secondsSince1970
        var offset = 0
        while true {
            let envelope = try context.client.get("rest/asset/v1/programs.json", query: [
                ("maxReturn", "200"), ("offset", String(offset)),
                ("earliestUpdatedAt", MarketoTime.zulu(bookmark)), ("latestUpdatedAt", MarketoTime.zulu(latest)),
            ])
            // Marketo ends offset paging with warning 709 and no result; an empty page ends it too,
            // where the Python tap would loop forever.
            if envelope.warningMessages.contains(where: { $0.contains("No assets found") }) || envelope.result.isEmpty { break }
            for row in envelope.result where updatedAt(row) >= bookmark { try emit(row) }
            offset += 200
        }
        context.setBookmark(stream, "updatedAt", .string(MarketoTime.isoformat(latest)))
        try context.emitState()
    }

    private func deletedLeads() throws {
        let bookmark = context.bookmarkSeconds(stream, key: "activityDate")
        var newest = bookmark
        let start = try context.client.get("rest/v1/activities/pagingtoken.json",
                                           query: [("sinceDatetime", MarketoTime.zulu(bookmark))])
        var token = start.nextPageToken
        while let current = token {
            let envelope = try context.client.get("rest/v1/activities/deletedleads.json",
                                                  query: [("nextPageToken", current), ("batchSize", "300")])
            for row in envelope.result {
                let date = row["activityDate"]?.stringValue.flatMap(MarketoTime.parse) ?? bookmark
                guard date >= bookmark else { continue }
                newest = max(newest, date)
                try emit(row)
            }
            token = envelope.moreResult ? envelope.nextPageToken : nil
        }
        context.setBookmark(stream, "activityDate", .string(MarketoTime.isoformat(newest)))
        try context.emitState()
    }

    private func updatedAt(_ row: JSONValue) -> Int {
        row["updatedAt"]?.stringValue.flatMap(MarketoTime.parse) ?? Int.max
    }

    /// Emits the selected properties of `row`, dates normalised and numbers typed by schema.
    private func emit(_ row: JSONValue) throws {
        guard let object = row.objectValue else { return }
        var record = JSONObject()
        let wanted = selected
        for member in object where wanted.contains(member.key) {
            let schema = entry.schema["properties"]?[member.key]
            if case .string(let text) = member.value {
                let converter = FieldConverter(schema: schema)
                record.append(key: member.key, value: converter.kind == .string ? .string(text)
                    : converter.convert(text) { context.warnInvalid(stream: stream, field: member.key, value: $0) })
            } else {
                record.append(key: member.key, value: member.value)
            }
        }
        try context.emit(stream, record)
    }
}
