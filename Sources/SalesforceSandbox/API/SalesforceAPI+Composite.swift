import SandboxKit
import Singer

/// `POST /composite/batch`: up to 25 subrequests run in order as one API call; with
/// `haltOnError` the ones after the first failure answer 412 `BATCH_PROCESSING_HALTED`.
extension SalesforceAPI {
    func compositeBatch(_ request: SandboxRequest, version: String) throws -> SandboxResponse {
        var parser = JSONParser()
        guard let body = try? parser.parse(request.body), let subrequests = body["batchRequests"]?.arrayValue else {
            throw APIError(400, "JSON_PARSER_ERROR", "The request body must be a JSON object with a batchRequests array")
        }
        guard subrequests.count <= 25 else {
            throw APIError(400, "INVALID_BATCH_REQUEST", "A batch cannot contain more than 25 requests (got \(subrequests.count))")
        }
        let haltOnError = body["haltOnError"]?.boolValue ?? false
        var results: [JSONValue] = []
        var halted = false
        var hasErrors = false
        for subrequest in subrequests {
            guard let method = subrequest["method"]?.stringValue, let url = subrequest["url"]?.stringValue else {
                throw APIError(400, "INVALID_BATCH_REQUEST", "Each batch request needs a method and a url")
            }
            if halted {
                results.append(["statusCode": 412, "result": APIError(412, "BATCH_PROCESSING_HALTED", "Batch processing halted per request").body])
                continue
            }
            let response = subresponse(method: method, url: url, version: version)
            var parserForResult = JSONParser()
            let result = response.bodyBytes.isEmpty ? JSONValue.null : ((try? parserForResult.parse(response.bodyBytes)) ?? .null)
            results.append(["statusCode": .number(JSONNumber(response.status)), "result": result])
            if response.status >= 400 {
                hasErrors = true
                if haltOnError { halted = true }
            }
        }
        return .json(value: ["hasErrors": .bool(hasErrors), "results": .array(results)])
    }

    private func subresponse(method: String, url: String, version: String) -> SandboxResponse {
        let pathAndQuery = url.split(separator: "?", maxSplits: 1).map(String.init)
        var path = pathAndQuery[0]
        if !path.hasPrefix("/") { path = "/services/data/" + path }
        let request = SandboxRequest(method: method, path: path, rawQuery: pathAndQuery.count > 1 ? pathAndQuery[1] : nil)
        let segments = request.pathSegments
        guard segments.count >= 3, segments[0] == "services", segments[1] == "data", Self.isVersion(segments[2]) else {
            return APIError.notFound.response
        }
        do {
            return try dataResource(request, version: segments[2], rest: Array(segments.dropFirst(3)))
        } catch let error as APIError {
            return error.response
        } catch {
            return APIError(500, "UNKNOWN_EXCEPTION", "\(error)").response
        }
    }
}
