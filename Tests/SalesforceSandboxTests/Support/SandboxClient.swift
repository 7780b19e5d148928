import Dispatch
import Foundation
import HTTP
import SalesforceSandbox
import SandboxKit
import SandboxTestSupport
import Singer

/// Salesforce's answers are the shared ``SandboxReply``.
typealias Reply = SandboxReply

extension SandboxReply {
    /// `[0].errorCode` of a Salesforce error array.
    var errorCode: String? { json[0]?["errorCode"]?.stringValue }
}

/// The shared loopback client, with Salesforce's logins and authenticated calls.
struct SandboxClient: Sendable {
    let sandbox: SalesforceSandbox
    let loopback: LoopbackClient

    init(_ sandbox: SalesforceSandbox) {
        self.sandbox = sandbox
        loopback = LoopbackClient(baseURL: sandbox.baseURL)
    }

    /// Sends a request to `path` (relative to the sandbox) and returns the answer, 2xx or not.
    func send(_ method: HTTPMethod = .get, _ path: String, headers: HTTPHeaders = [:], body: Data? = nil) async throws -> Reply {
        try await loopback.send(method, path, headers: headers, body: body)
    }

    /// Posts a form to the token endpoint.
    func token(_ fields: [(String, String)]) async throws -> Reply {
        try await loopback.postForm("/services/oauth2/token", fields)
    }

    /// Logs in with the refresh-token grant and returns the access token.
    func login() async throws -> String {
        let credentials = sandbox.credentials
        let reply = try await token([
            ("grant_type", "refresh_token"), ("client_id", credentials.clientID),
            ("client_secret", credentials.clientSecret), ("refresh_token", credentials.refreshToken),
        ])
        guard let token = reply.json["access_token"]?.stringValue else { throw FixtureError.loginFailed(reply.text) }
        return token
    }

    /// An authenticated GET.
    func get(_ path: String, token: String, headers: HTTPHeaders = [:]) async throws -> Reply {
        var all = headers
        all.add(name: "Authorization", value: "Bearer \(token)")
        return try await send(.get, path, headers: all)
    }

    /// An authenticated request with a JSON body.
    func json(_ method: HTTPMethod, _ path: String, token: String, body: JSONValue) async throws -> Reply {
        try await send(method, path, headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                       body: Data(JSONWriter.string(from: body).utf8))
    }

    /// `GET /services/data/v61.0/query?q=…` (or queryAll).
    func query(_ soql: String, token: String, all: Bool = false, headers: HTTPHeaders = [:]) async throws -> Reply {
        try await get("/services/data/v61.0/\(all ? "queryAll" : "query")?q=\(URLQuery.percentEncoded(soql))", token: token, headers: headers)
    }

    /// Every record of a query across its pages, and the number of pages.
    func queryAllPages(_ soql: String, token: String, all: Bool = false, headers: HTTPHeaders = [:]) async throws -> (records: [JSONValue], pages: Int) {
        var reply = try await query(soql, token: token, all: all, headers: headers)
        var records: [JSONValue] = []
        var pages = 0
        while true {
            guard reply.status == 200 else { throw FixtureError.unexpected(reply.status, reply.text) }
            pages += 1
            records += reply.json["records"]?.arrayValue ?? []
            guard let next = reply.json["nextRecordsUrl"]?.stringValue else { return (records, pages) }
            reply = try await get(next + "?q=ignored", token: token, headers: headers)
        }
    }
}

enum FixtureError: Error {
    case loginFailed(String)
    case unexpected(Int, String)
}

/// Starts a sandbox for one test and stops it afterwards.
func withSandbox<Result>(
    _ options: SalesforceSandboxOptions = SalesforceSandboxOptions(seed: 7, records: 300),
    _ body: (SandboxClient) async throws -> Result
) async throws -> Result {
    let sandbox = try await SalesforceSandbox.start(options: options)
    do {
        let result = try await body(SandboxClient(sandbox))
        await sandbox.stop()
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}
