import SandboxKit
import Singer

/// Bulk extract: `POST /bulk/v1/{leads|activities}/export/create.json`, `…/{id}/enqueue.json`,
/// `…/{id}/cancel.json`, `GET …/{id}/status.json`, `GET …/{id}/file.json` (text/csv, with
/// `Range` support) and `GET /bulk/v1/{leads|activities}/export.json?status=…`.
extension MarketoAPI {
    func bulk(_ request: SandboxRequest, rest: [String]) throws -> SandboxResponse {
        guard let kind = ExportJob.Kind(rawValue: rest[0]) else { throw MarketoError.notFound }
        let now = now()
        switch (request.method, Array(rest.dropFirst())) {
        case ("GET", ["export.json"]):
            var statuses: Set<String> = []
            for pair in request.query.pairs where pair.name == "status" {
                for part in pair.value.split(separator: ",") { statuses.insert(part.trimmingCharacters(in: " ").capitalized) }
            }
            let batch = min(300, Int(request.query["batchSize"] ?? "") ?? 300)
            let jobs = exports.list(kind: kind, statuses: statuses).filter { $0.createdAt >= now - 7 * 86_400 }
            return Envelope.success(requestID: requestID(), result: jobs.prefix(batch).map(Self.statusJSON))
        case ("POST", ["export", "create.json"]):
            let spec = try exportSpec(request, kind: kind)
            let job = try exports.create(spec, now: now)
            counters.increment(MarketoCounter.exportsCreated)
            return Envelope.success(requestID: requestID(), result: [[
                "exportId": .string(job.id), "format": .string(spec.format), "status": "Created",
                "createdAt": .string(MarketoTime.format(now)),
            ]])
        case ("POST", let path) where path.count == 3 && path[0] == "export" && path[2] == "enqueue.json":
            let job = try exports.enqueue(path[1], kind: kind, now: now, produce: produce)
            counters.increment(MarketoCounter.exportsEnqueued)
            if job.status == "Completed" { counters.increment(MarketoCounter.exportsCompleted) }
            return Envelope.success(requestID: requestID(), result: [Self.statusJSON(job)])
        case ("POST", let path) where path.count == 3 && path[0] == "export" && path[2] == "cancel.json":
            guard let job = exports.cancel(path[1], kind: kind) else { throw MarketoError.invalidValue("Export id \(path[1]) not found") }
            return Envelope.success(requestID: requestID(), result: [Self.statusJSON(job)])
        case ("GET", let path) where path.count == 3 && path[0] == "export" && path[2] == "status.json":
            let before = exports.job(path[1], kind: kind)?.status
            guard let job = exports.poll(path[1], kind: kind, now: now, produce: produce) else {
                throw MarketoError.invalidValue("Export id \(path[1]) not found")
            }
            if before != "Completed", job.status == "Completed" { counters.increment(MarketoCounter.exportsCompleted) }
            return Envelope.success(requestID: requestID(), result: [Self.statusJSON(job)])
        case ("GET", let path) where path.count == 3 && path[0] == "export" && path[2] == "file.json":
            return file(request, job: exports.job(path[1], kind: kind))
        default:
            throw MarketoError.notFound
        }
    }

    private func produce(_ spec: ExportJob.Spec) -> (bytes: [UInt8], rows: Int) {
        let data = store.snapshot
        return spec.kind == .leads ? ExportFileWriter.leads(data, spec: spec) : ExportFileWriter.activities(data, spec: spec)
    }

    /// The file, whole or the requested byte range (206 with `Content-Range`); 404 plain
    /// text for unknown or unfinished jobs, 416 for a range past the end.
    private func file(_ request: SandboxRequest, job: ExportJob?) -> SandboxResponse {
        guard let job, job.status == "Completed", let bytes = job.file else {
            return SandboxResponse(status: 404, contentType: "text/plain", bytes: Array("Export file not available".utf8))
        }
        let contentType = job.spec.format == "CSV" ? "text/csv" : "text/plain"
        var response: SandboxResponse
        if let header = request.header("Range"), let range = Self.byteRange(header, size: bytes.count) {
            guard range.lowerBound < bytes.count else {
                return SandboxResponse(status: 416, contentType: "text/plain", bytes: Array("Range Not Satisfiable".utf8),
                                       headers: [("Content-Range", "bytes */\(bytes.count)")])
            }
            counters.increment(MarketoCounter.rangeRequests)
            response = SandboxResponse(status: 206, contentType: contentType, bytes: bytes[range],
                                       headers: [("Content-Range", "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(bytes.count)")])
        } else {
            response = SandboxResponse(status: 200, contentType: contentType, bytes: bytes)
        }
        response.headers.append(("Accept-Ranges", "bytes"))
        if bytes.count > 1, flakyDrops.next().fires, response.bodyBytes.count > 1 {
            counters.increment(MarketoCounter.droppedDownloads)
            response.dropConnectionAfterBytes = response.bodyBytes.count / 2
        }
        return response
    }

    /// `bytes=a-b`, `bytes=a-` or `bytes=-n` as a half-open range clamped to `size`.
    static func byteRange(_ header: String, size: Int) -> Range<Int>? {
        guard header.hasPrefix("bytes="), !header.contains(",") else { return nil }
        let spec = header.dropFirst("bytes=".count)
        guard let dash = spec.firstIndex(of: "-") else { return nil }
        let first = spec[..<dash].trimmingCharacters(in: " ")
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: " ")
        if first.isEmpty {
            guard let suffix = Int(last), suffix > 0 else { return nil }
            return max(0, size - suffix)..<size
        }
        guard let start = Int(first), start >= 0 else { return nil }
        if last.isEmpty { return start..<max(start, size) }
        guard let end = Int(last), end >= start else { return nil }
        return start..<max(start, min(size, end + 1))
    }

    static func statusJSON(_ job: ExportJob) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("exportId", .string(job.id)), ("format", .string(job.spec.format)), ("status", .string(job.status)),
            ("createdAt", .string(MarketoTime.format(job.createdAt))),
        ]
        if let queuedAt = job.queuedAt { pairs.append(("queuedAt", .string(MarketoTime.format(queuedAt)))) }
        if let startedAt = job.startedAt { pairs.append(("startedAt", .string(MarketoTime.format(startedAt)))) }
        if let finishedAt = job.finishedAt { pairs.append(("finishedAt", .string(MarketoTime.format(finishedAt)))) }
        if let rows = job.numberOfRecords, let file = job.file {
            pairs.append(("numberOfRecords", .int(rows)))
            pairs.append(("fileSize", .int(file.count)))
            if let checksum = job.fileChecksum { pairs.append(("fileChecksum", .string(checksum))) }
        }
        return .ordered(pairs)
    }
}

extension Substring {
    func trimmingCharacters(in character: Character) -> String { String(self).trimmingCharacters(in: character) }
}
