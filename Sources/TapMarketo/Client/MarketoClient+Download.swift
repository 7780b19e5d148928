import Foundation
import HTTP
import Singer

extension MarketoClient {
    /// Downloads `path` (a bulk export file), handing the body to `onChunk` as it arrives.
    ///
    /// A connection that breaks mid-file is resumed with `Range: bytes=<delivered>-` (Marketo
    /// answers 206); a server that ignores the range and answers 200 has its first bytes skipped,
    /// so `onChunk` sees every byte exactly once. A JSON body is Marketo's error envelope.
    public func download(_ path: String, maxResumes: Int = 5, onChunk: (Data) throws -> Void) throws {
        var delivered: Int64 = 0
        var resumes = 0
        var tokenRetries = 0
        var rateRetries = 0
        while true {
            try countDownload()
            var headers = try bearerHeaders()
            if delivered > 0 { headers.add(name: "Range", value: "bytes=\(delivered)-") }
            var skip: Int64 = 0
            var jsonBody: Data?
            let request = HTTPRequest(url: url(path), headers: headers)
            do {
                try limiter.withPermit {
                    try http.stream(request, onHead: { head in
                        if head.headers["Content-Type"]?.lowercased().contains("application/json") == true { jsonBody = Data() }
                        // 200 to a ranged request: the whole file again, so skip what was delivered.
                        skip = head.status == 206 ? 0 : delivered
                    }, onChunk: { chunk in
                        if jsonBody != nil {
                            jsonBody?.append(chunk)
                            return
                        }
                        var piece = chunk
                        if skip > 0 {
                            let dropped = min(Int64(piece.count), skip)
                            piece = piece.dropFirst(Int(dropped))
                            skip -= dropped
                        }
                        if !piece.isEmpty {
                            delivered += Int64(piece.count)
                            try onChunk(piece)
                        }
                    })
                }
            } catch let error as HTTPError {
                if case .streamInterrupted = error, resumes < maxResumes {
                    resumes += 1
                    logger.warning("download of \(path) broke off after \(delivered) bytes; resuming with a Range request")
                    continue
                }
                if case .transport = error, delivered > 0, resumes < maxResumes {
                    resumes += 1
                    continue
                }
                throw error
            }
            guard let jsonBody else { return }
            // A JSON answer instead of the file is Marketo's error envelope, handled as for other calls.
            let envelope = try MarketoEnvelope(body: jsonBody, endpoint: path)
            let problem = envelope.errors.first ?? .init(code: "", message: String(decoding: jsonBody.prefix(300), as: UTF8.self))
            switch problem.code {
            case "601", "602" where tokenRetries < 2:
                tokenRetries += 1
                invalidateToken()
            case "606", "615":
                rateRetries += 1
                if rateRetries >= Self.rateLimitAttempts { throw MarketoError.rateLimited(endpoint: path, message: problem.description) }
                logger.warning("Marketo answered \(problem) on \(path); pausing \(configuration.rateLimitPause) before retrying")
                sleep(configuration.rateLimitPause)
            case "1029":
                throw MarketoError.exportQuotaExceeded(endpoint: path, message: problem.message)
            case "607":
                throw MarketoError.dailyQuotaExceeded("Marketo error 607 on \(path): \(problem.message)")
            default:
                throw MarketoError.api(code: problem.code, message: problem.message, endpoint: path)
            }
        }
    }
}
