import Dispatch
import Foundation
import HTTP
import SandboxKit
import Singer
import ZuoraSandbox

/// One HTTP answer from the Zuora sandbox, whatever its status.
struct SandboxReply: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON (`.null` when it is not JSON).
    var json: JSONValue {
        var parser = JSONParser()
        return (try? parser.parse(Array(body))) ?? .null
    }

    /// The body parsed as CSV rows (quoted commas and newlines kept inside fields).
    func csvRows() throws -> [[String]] {
        var parser = CSVParser()
        var rows: [[String]] = []
        try parser.push(body) { rows.append($0.strings) }
        try parser.finish { rows.append($0.strings) }
        return rows
    }
}

/// A real libcurl client against a Zuora sandbox on loopback, with no retries so every fault
/// is visible. Calls run on a dispatch queue, never on the cooperative pool the in-process
/// server needs.
struct ZuoraSandboxTestClient: Sendable {
    let sandbox: ZuoraSandbox
    let client: HTTPClient

    init(_ sandbox: ZuoraSandbox) {
        self.sandbox = sandbox
        client = HTTPClient(configuration: HTTPClient.Configuration(
            connectTimeout: .seconds(5), requestTimeout: .seconds(60), noProxy: "127.0.0.1,localhost", retryPolicy: .never))
    }

    /// Starts a sandbox, runs `body` with a client for it, and stops it whatever happens.
    static func with<Result: Sendable>(
        _ options: ZuoraSandboxOptions = ZuoraSandboxOptions(records: 60), _ body: (ZuoraSandboxTestClient) async throws -> Result
    ) async throws -> Result {
        let sandbox = try await ZuoraSandbox.start(options: options)
        do {
            let result = try await body(ZuoraSandboxTestClient(sandbox))
            await sandbox.stop()
            return result
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    /// Sends a request to `path` and returns the answer, 2xx or not.
    func send(_ method: HTTPMethod = .get, _ path: String, headers: HTTPHeaders = [:], body: Data? = nil) async throws -> SandboxReply {
        let request = HTTPRequest(method: method, url: sandbox.baseURL + path, headers: headers, body: body)
        let client = self.client
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let response = try client.send(request)
                    continuation.resume(returning: SandboxReply(status: response.status, headers: response.headers, body: response.body))
                } catch let error as HTTPError {
                    if case .status(_, let failure, _) = error {
                        continuation.resume(returning: SandboxReply(status: failure.status, headers: failure.headers, body: failure.body))
                    } else {
                        continuation.resume(throwing: error)
                    }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Posts the client-credentials form to `/oauth/token`.
    func token(clientID: String? = nil, clientSecret: String? = nil, grantType: String = "client_credentials") async throws -> SandboxReply {
        let fields = [
            ("client_id", clientID ?? sandbox.credentials.clientID), ("client_secret", clientSecret ?? sandbox.credentials.clientSecret),
            ("grant_type", grantType),
        ]
        let body = fields.map { "\($0.0)=\(FormFields.percentEncoded($0.1))" }.joined(separator: "&")
        return try await send(.post, "/oauth/token", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(body.utf8))
    }

    /// A fresh bearer token.
    func login() async throws -> String {
        let reply = try await token()
        guard let token = reply.json["access_token"]?.stringValue else { throw SandboxTestError.loginFailed(reply.text) }
        return token
    }

    /// An authenticated call with a bearer token.
    func call(_ method: HTTPMethod = .get, _ path: String, token: String, json: String? = nil) async throws -> SandboxReply {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        if json != nil { headers.add(name: "Content-Type", value: "application/json") }
        return try await send(method, path, headers: headers, body: json.map { Data($0.utf8) })
    }

    /// Submits an AQuA job and polls it until it leaves `submitted`/`executing`; returns the
    /// final job JSON.
    func runAQuA(_ body: JSONValue, token: String) async throws -> JSONValue {
        let submitted = try await call(.post, "/v1/batch-query/", token: token, json: JSONWriter.string(from: body)).json
        guard let id = submitted["id"]?.stringValue, submitted["errorCode"] == nil else { throw SandboxTestError.jobFailed(submitted.description) }
        for _ in 0..<20 {
            let job = try await call(.get, "/v1/batch-query/jobs/\(id)", token: token).json
            if let status = job["status"]?.stringValue, status != "submitted", status != "executing" { return job }
        }
        throw SandboxTestError.jobFailed("job \(id) never completed")
    }

    /// An AQuA request body with one query, the way the Python tap sends it.
    static func aquaBody(_ query: String, project: String?, partner: String? = nil, deleted: Bool = false, incrementalTime: String? = nil, sandbox: ZuoraSandbox) -> JSONValue {
        var queryObject: JSONObject = ["name": "q", "query": .string(query), "type": "zoqlexport"]
        if deleted { queryObject["deleted"] = ["column": "Deleted", "format": "Boolean"] }
        var body: JSONObject = [
            "name": "job", "format": "csv", "version": "1.2", "encrypted": "none", "useQueryLabels": "true", "dateTimeUtc": "true",
            "queries": [.object(queryObject)],
        ]
        if let project {
            body["partner"] = .string(partner ?? sandbox.credentials.partnerID)
            body["project"] = .string(project)
        }
        if let incrementalTime { body["incrementalTime"] = .string(incrementalTime) }
        return .object(body)
    }
}

enum SandboxTestError: Error {
    case loginFailed(String)
    case jobFailed(String)
}
