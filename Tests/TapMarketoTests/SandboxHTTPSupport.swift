import Dispatch
import Foundation
import HTTP
import MarketoSandbox
import SandboxKit
import SandboxTestSupport
import Singer

/// Marketo's answers are the shared ``SandboxReply``.
typealias MarketoSandboxReply = SandboxReply

extension SandboxReply {
    /// `errors[0].code` of a failed envelope.
    var errorCode: String? { json["errors"]?[0]?["code"]?.stringValue }
    /// `result` of an envelope (empty when absent).
    var result: [JSONValue] { json["result"]?.arrayValue ?? [] }
    var success: Bool { json["success"]?.boolValue == true }
}

/// The shared loopback client, with Marketo's tokens and authenticated calls.
struct MarketoSandboxHTTP: Sendable {
    let sandbox: MarketoSandbox
    let loopback: LoopbackClient

    init(_ sandbox: MarketoSandbox) {
        self.sandbox = sandbox
        loopback = LoopbackClient(baseURL: sandbox.baseURL)
    }

    func send(_ method: HTTPMethod = .get, _ path: String, headers: HTTPHeaders = [:], body: Data? = nil) async throws -> MarketoSandboxReply {
        try await loopback.send(method, path, headers: headers, body: body)
    }

    /// `GET /identity/oauth/token` with the sandbox's client credentials.
    func tokenReply(clientID: String? = nil, clientSecret: String? = nil) async throws -> MarketoSandboxReply {
        let id = URLQuery.percentEncoded(clientID ?? sandbox.credentials.clientID)
        let secret = URLQuery.percentEncoded(clientSecret ?? sandbox.credentials.clientSecret)
        return try await send(.get, "/identity/oauth/token?grant_type=client_credentials&client_id=\(id)&client_secret=\(secret)")
    }

    func token() async throws -> String {
        let reply = try await tokenReply()
        guard let token = reply.json["access_token"]?.stringValue else { throw MarketoSandboxTestError.unexpected(reply.status, reply.text) }
        return token
    }

    func get(_ path: String, token: String, headers: HTTPHeaders = [:]) async throws -> MarketoSandboxReply {
        var all = headers
        all.add(name: "Authorization", value: "Bearer \(token)")
        return try await send(.get, path, headers: all)
    }

    func post(_ path: String, token: String, json: JSONValue? = nil) async throws -> MarketoSandboxReply {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        if json != nil { headers.add(name: "Content-Type", value: "application/json") }
        return try await send(.post, path, headers: headers, body: json.map { Data(JSONWriter.string(from: $0).utf8) })
    }
}

enum MarketoSandboxTestError: Error {
    case unexpected(Int, String)
}

/// Starts a Marketo sandbox for one test and stops it afterwards.
func runAgainstMarketoSandbox<Result>(
    _ options: MarketoSandboxOptions = MarketoSandboxOptions(seed: 7, records: 300, anchorSeconds: 1_780_000_000 - 1_780_000_000 % 86_400),
    _ body: (MarketoSandboxHTTP) async throws -> Result
) async throws -> Result {
    let sandbox = try await MarketoSandbox.start(options: options)
    do {
        let result = try await body(MarketoSandboxHTTP(sandbox))
        await sandbox.stop()
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}
