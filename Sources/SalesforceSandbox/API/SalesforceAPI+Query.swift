import SandboxKit

/// REST `query` / `queryAll` and their locator pages (`/query/{locator}-{offset}`).
extension SalesforceAPI {
    static let bigObjects: Set<String> = ["Opportunity", "OpportunityHistory", "Task", "Event"]

    func compile(_ soql: String) throws -> CompiledQuery {
        do {
            return try CompiledQuery.compile(soql, schema: schema)
        } catch {
            throw APIError(error)
        }
    }

    func query(_ request: SandboxRequest, version: String, includeDeleted: Bool) throws -> SandboxResponse {
        guard let soql = request.query["q"], !soql.isEmpty else {
            throw APIError(400, "MALFORMED_QUERY", "A query string has to be specified")
        }
        let query = try compile(soql)
        if options.scenarios.contains(.queryTimeout), Self.bigObjects.contains(query.object.name) {
            let window = query.dateTimeWindow
            let lower = window.lower ?? GenerationContext.historyStart
            let upper = window.upper ?? now()
            if upper - lower > Int64(options.queryTimeoutWindowDays) * GenerationContext.day {
                counters.increment(SalesforceCounter.queryTimeouts)
                throw APIError.queryTimeout
            }
        }
        let table = store.table(for: query.object)
        let rows = query.matchingRows(in: table, includeDeleted: includeDeleted)
        let cursor = QueryCursorStore.Cursor(query: query, rows: rows, pageSize: pageSize(request))
        let locator = mint(prefix: "01g", length: 18)
        counters.increment(SalesforceCounter.queries)
        if rows.count > cursor.pageSize { cursors.open(cursor, locator: locator) }
        return page(cursor, locator: locator, offset: 0, table: table, version: version, pageSize: cursor.pageSize)
    }

    func queryMore(_ request: SandboxRequest, version: String, locator: String) throws -> SandboxResponse {
        guard let dash = locator.lastIndex(of: "-"), let offset = Int(locator[locator.index(after: dash)...]), offset >= 0,
            let cursor = cursors.cursor(String(locator[..<dash]))
        else {
            throw APIError(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
        }
        let size = request.header("sforce-query-options") != nil ? pageSize(request) : cursor.pageSize
        return page(cursor, locator: String(locator[..<dash]), offset: min(offset, cursor.rows.count),
                    table: store.table(for: cursor.query.object), version: version, pageSize: size)
    }

    /// `Sforce-Query-Options: batchSize=N`, clamped to 200…2000 (default 2000).
    private func pageSize(_ request: SandboxRequest) -> Int {
        guard let header = request.header("sforce-query-options") else { return 2_000 }
        for part in header.split(separator: ",") + header.split(separator: ";") {
            let pair = part.split(separator: "=")
            if pair.count == 2, pair[0].trimmingCharacters(in: " ") == "batchSize", let size = Int(pair[1].trimmingCharacters(in: " ")) {
                return min(2_000, max(200, size))
            }
        }
        return 2_000
    }

    private func page(_ cursor: QueryCursorStore.Cursor, locator: String, offset: Int, table: RecordTable, version: String, pageSize: Int) -> SandboxResponse {
        let end = min(cursor.rows.count, offset + pageSize)
        let next = end < cursor.rows.count ? "/services/data/\(version)/query/\(locator)-\(end)" : nil
        let writer = RecordPageWriter(object: cursor.query.object, fields: cursor.query.fields)
        let buffer = writer.jsonPage(table: table, rows: cursor.rows[offset..<end], totalSize: cursor.rows.count, nextRecordsURL: next, version: version)
        counters.increment(SalesforceCounter.queryPages)
        counters.increment(SalesforceCounter.recordsServed, by: end - offset)
        var response = SandboxResponse(status: 200, headers: [("Content-Type", "application/json;charset=UTF-8")], body: .buffer(buffer))
        response.markAsRecords()
        return response
    }
}

extension Substring {
    func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
