import SandboxKit
import Singer

/// Programs (asset API, offset/maxReturn paging ending in the "No assets found" warning),
/// campaigns and static lists (lead database, `nextPageToken` paging).
extension MarketoAPI {
    static let noAssetsWarning = "No assets found for the given search criteria."

    /// `GET /rest/asset/v1/programs.json?maxReturn=&offset=&earliestUpdatedAt=&latestUpdatedAt=`:
    /// programs created or updated in the range, by id.
    func programs(_ request: SandboxRequest) throws -> SandboxResponse {
        let maxReturn = try intParameter(request, "maxReturn", default: 20)
        guard (1...200).contains(maxReturn) else { throw MarketoError.invalidValue("maxReturn must be between 1 and 200") }
        let offset = try intParameter(request, "offset", default: 0)
        guard offset >= 0 else { throw MarketoError.invalidValue("offset must not be negative") }
        let earliest = try dateParameter(request, "earliestUpdatedAt") ?? Int.min
        let latest = try dateParameter(request, "latestUpdatedAt") ?? Int.max
        let matching = store.snapshot.programs.filter { program in
            (earliest...latest).contains(program.updatedAt) || (earliest...latest).contains(program.createdAt)
        }
        let page = matching.dropFirst(offset).prefix(maxReturn)
        guard !page.isEmpty else {
            return Envelope.success(requestID: requestID(), result: nil, warnings: [Self.noAssetsWarning], emptyErrors: true)
        }
        return Envelope.success(requestID: requestID(), result: page.map(Self.programJSON), emptyErrors: true)
    }

    static func programJSON(_ program: Program) -> JSONValue {
        [
            "id": .int(program.id), "name": .string(program.name), "description": .string(program.description),
            "createdAt": .string(MarketoTime.formatAsset(program.createdAt)), "updatedAt": .string(MarketoTime.formatAsset(program.updatedAt)),
            "url": .string("https://app-sj01.marketo.com/#PG\(program.id)A1"), "type": .string(program.type), "channel": .string(program.channel),
            "folder": ["type": "Folder", "value": .int(program.folderID), "folderName": .string(program.folderName)],
            "status": .string(program.status), "workspace": .string(program.workspace), "tags": [],
            "costs": .array(program.costs.map { ["startDate": .string(MarketoTime.formatDate(days: $0.startDate)), "cost": .int($0.cost), "note": .string($0.note)] }),
        ]
    }

    /// `GET /rest/v1/campaigns.json?batchSize=&nextPageToken=`.
    func campaigns(_ request: SandboxRequest) throws -> SandboxResponse {
        try offsetPage(request, rows: store.snapshot.campaigns) { campaign in
            [
                "id": .int(campaign.id), "name": .string(campaign.name), "description": .string(campaign.description),
                "type": .string(campaign.type), "programName": .string(campaign.programName), "programId": .int(campaign.programId),
                "workspaceName": .string(campaign.workspaceName), "createdAt": .string(MarketoTime.format(campaign.createdAt)),
                "updatedAt": .string(MarketoTime.format(campaign.updatedAt)), "active": .bool(campaign.active),
            ]
        }
    }

    /// `GET /rest/v1/lists.json?batchSize=&nextPageToken=`.
    func lists(_ request: SandboxRequest) throws -> SandboxResponse {
        try offsetPage(request, rows: store.snapshot.lists) { list in
            [
                "id": .int(list.id), "name": .string(list.name), "description": .string(list.description),
                "programName": .string(list.programName), "workspaceName": .string(list.workspaceName),
                "createdAt": .string(MarketoTime.format(list.createdAt)), "updatedAt": .string(MarketoTime.format(list.updatedAt)),
            ]
        }
    }

    /// One page of `rows` (batchSize ≤ 300); `nextPageToken` only when another page follows.
    private func offsetPage<Row>(_ request: SandboxRequest, rows: [Row], json: (Row) -> JSONValue) throws -> SandboxResponse {
        let batch = try intParameter(request, "batchSize", default: 300)
        guard (1...300).contains(batch) else { throw MarketoError.invalidValue("batchSize must be between 1 and 300") }
        let offset = try request.query["nextPageToken"].map(PageToken.offset(from:)) ?? 0
        let page = rows.dropFirst(offset).prefix(batch)
        let more = offset + page.count < rows.count
        return Envelope.success(requestID: requestID(), result: page.map(json), nextPageToken: more ? PageToken.offset(offset + page.count) : nil)
    }

    func intParameter(_ request: SandboxRequest, _ name: String, default value: Int) throws -> Int {
        guard let text = request.query[name], !text.isEmpty else { return value }
        guard let number = Int(text) else { throw MarketoError.invalidValue("\(name) must be an integer: \(text)") }
        return number
    }

    func dateParameter(_ request: SandboxRequest, _ name: String) throws -> Int? {
        guard let text = request.query[name], !text.isEmpty else { return nil }
        guard let seconds = MarketoTime.parse(text) else { throw MarketoError.invalidValue("Invalid \(name): \(text)") }
        return seconds
    }
}
