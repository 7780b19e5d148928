import Dispatch
import Foundation
import HTTP
import MarketoSandbox
import SandboxKit
import Singer

/// One HTTP answer from the Marketo sandbox, whatever its status.
struct MarketoSandboxReply: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON (`.null` when it is not JSON).
    var json: JSONValue {
        var parser = JSONParser()
        return (try? parser.parse(Array(body))) ?? .null
    }

    /// `errors[0].code` of a failed envelope.
    var errorCode: String? { json["errors"]?[0]?["code"]?.stringValue }
    /// `result` of an envelope (empty when absent).
    var result: [JSONValue] { json["result"]?.arrayValue ?? [] }
    var success: Bool { json["success"]?.boolValue == true }
}

/// A real libcurl client against a Marketo sandbox on loopback, with no retries so every
/// fault is visible. Calls run on a dispatch queue, off the cooperative pool the in-process
/// server needs.
struct MarketoSandboxHTTP: Sendable {
    let sandbox: MarketoSandbox
    let client: HTTPClient

    init(_ sandbox: MarketoSandbox) {
        self.sandbox = sandbox
        client = HTTPClient(configuration: HTTPClient.Configuration(
            connectTimeout: .seconds(5), requestTimeout: .seconds(60), noProxy: "127.0.0.1,localhost", retryPolicy: .never))
    }

    func send(_ method: HTTPMethod = .get, _ path: String, headers: HTTPHeaders = [:], body: Data? = nil) async throws -> MarketoSandboxReply {
        let request = HTTPRequest(method: method, url: sandbox.baseURL + path, headers: headers, body: body)
        let client = self.client
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let response = try client.send(request)
                    continuation.resume(returning: MarketoSandboxReply(status: response.status, headers: response.headers, body: response.body))
                } catch let error as HTTPError {
                    if case .status(_, let failure, _) = error {
                        continuation.resume(returning: MarketoSandboxReply(status: failure.status, headers: failure.headers, body: failure.body))
                    } else {
                        continuation.resume(throwing: error)
                    }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
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
