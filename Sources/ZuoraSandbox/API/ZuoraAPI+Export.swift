import SandboxKit
import Singer

/// CRUD export: `POST /v1/object/export` with `{"Query": "<ZOQL>", "Format": "csv"}` answers
/// `{"Success": true, "Id"}`; `GET /v1/object/export/{id}` reports `Status` (`Pending`,
/// `Processing`, `Completed`) and, once completed, `FileId` for `GET /v1/files/{id}`.
/// Invalid queries are refused with 400 `INVALID_VALUE`, including fields describe lists
/// as exportable that the export endpoint rejects (``restUnsupportedFields``).
extension ZuoraAPI {
    /// Fields the export endpoint refuses although describe marks them exportable.
    static let restUnsupportedFields: Set<String> = ["Invoice.PaymentTerm", "Invoice.Currency", "Account.LastMetricsUpdate"]

    func createExport(_ request: SandboxRequest) throws -> SandboxResponse {
        var parser = JSONParser()
        guard let body = try? parser.parse(request.body), body.objectValue != nil else {
            throw ZuoraError.crud(400, "INVALID_VALUE", "The request body must be a JSON object with Query and Format.")
        }
        guard let text = body["Query"]?.stringValue, !text.isEmpty else { throw ZuoraError.crud(400, "MISSING_REQUIRED_VALUE", "Query is required.") }
        let format = body["Format"]?.stringValue ?? "csv"
        guard format.lowercased() == "csv" else { throw ZuoraError.crud(400, "INVALID_VALUE", "Format \(format) is not supported; use csv.") }
        let compiled: CompiledQuery
        do {
            compiled = try CompiledQuery(try ZOQLParser.parse(text), schema: store.schema, unsupported: Self.restUnsupportedFields)
        } catch {
            throw ZuoraError.crud(400, "INVALID_VALUE", error.description)
        }
        counters.increment(ZuoraCounter.exports)
        let result = store.run(compiled, headers: compiled.qualified, style: .export, deleted: nil) { !$0.isDeleted }
        counters.increment(ZuoraCounter.rowsExported, by: result.rows)
        let id = mintHex()
        let fileID = mintHex()
        files.put(fileID, result.csv)
        let seconds = now() / 1000
        let offset = CivilTime.pacificOffset(atUTC: seconds)
        exports.add(ExportJob(
            id: id, name: body["Name"]?.stringValue ?? "", query: text, fileID: fileID, size: result.csv.count,
            createdDate: CivilTime.wall(seconds, offset: offset) + ".000" + CivilTime.offsetText(offset, colon: true), status: "Pending"))
        return .json(value: ["Success": true, "Id": .string(id)])
    }

    func exportJob(_ id: String) throws -> SandboxResponse {
        let threshold = options.exportPollsBeforeCompletion
        guard let job = exports.update(id, { job in
            guard job.status != "Completed" else { return }
            job.polls += 1
            job.status = job.polls > threshold ? "Completed" : "Processing"
        }) else {
            throw ZuoraError.crud(404, "INVALID_ID", "invalid id \(id)")
        }
        counters.increment(ZuoraCounter.exportPolls)
        return .json(value: job.json)
    }
}
