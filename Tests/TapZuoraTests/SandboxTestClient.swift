import Dispatch
import Foundation
import HTTP
import SandboxKit
import SandboxTestSupport
import Singer
import ZuoraSandbox

/// The shared loopback client, with Zuora's logins, authenticated calls and AQuA jobs.
struct ZuoraSandboxTestClient: Sendable {
    let sandbox: ZuoraSandbox
    let loopback: LoopbackClient

    init(_ sandbox: ZuoraSandbox) {
        self.sandbox = sandbox
        loopback = LoopbackClient(baseURL: sandbox.baseURL)
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
        try await loopback.send(method, path, headers: headers, body: body)
    }

    /// Posts the client-credentials form to `/oauth/token`.
    func token(clientID: String? = nil, clientSecret: String? = nil, grantType: String = "client_credentials") async throws -> SandboxReply {
        let fields = [
            ("client_id", clientID ?? sandbox.credentials.clientID), ("client_secret", clientSecret ?? sandbox.credentials.clientSecret),
            ("grant_type", grantType),
        ]
        return try await loopback.postForm("/oauth/token", fields)
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
