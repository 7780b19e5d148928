import SandboxKit

/// `GET /v1/file/{id}` (AQuA) and `GET /v1/files/{id}` (export): the CSV, cut off mid-body
/// every ``ZuoraSandboxOptions/dropPeriod``-th download under the flaky scenario.
extension ZuoraAPI {
    func file(_ id: String) throws -> SandboxResponse {
        guard let bytes = files.get(id) else { throw ZuoraError.reasons(404, 50_000_040, "File \(id) was not found.") }
        counters.increment(ZuoraCounter.fileDownloads)
        var response = SandboxResponse(status: 200, contentType: "text/csv; charset=utf-8", bytes: bytes)
        response.setHeader("Content-Disposition", "attachment; filename=\"\(id).csv\"")
        if flakyDrops.next().fires, bytes.count > 1 {
            counters.increment(ZuoraCounter.droppedConnections)
            response.dropConnectionAfterBytes = bytes.count / 2
        }
        return response
    }
}
