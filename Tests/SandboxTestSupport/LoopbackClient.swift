import Dispatch
import Foundation
import HTTP
import Singer

/// One HTTP answer from a sandbox, whatever its status.
public struct SandboxReply: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data

    public init(status: Int, headers: HTTPHeaders, body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON (`.null` when it is not JSON).
    public var json: JSONValue {
        var parser = JSONParser()
        return (try? parser.parse(Array(body))) ?? .null
    }

    /// The body parsed as CSV rows (quoted commas and newlines kept inside fields).
    public func csvRows() throws -> [[String]] {
        var parser = CSVParser()
        var rows: [[String]] = []
        try parser.push(body) { rows.append($0.strings) }
        try parser.finish { rows.append($0.strings) }
        return rows
    }
}

/// A real libcurl client against a sandbox on loopback, with no retries so every fault is
/// visible. Calls run on a dispatch queue, never on the cooperative pool, so a test waiting
/// for an answer never holds a thread the rest of the test run needs.
public struct LoopbackClient: Sendable {
    public let baseURL: String
    let client: HTTPClient

    public init(baseURL: String) {
        self.baseURL = baseURL
        client = HTTPClient(configuration: HTTPClient.Configuration(
            connectTimeout: .seconds(5), requestTimeout: .seconds(60), noProxy: "127.0.0.1,localhost", retryPolicy: .never))
    }

    /// Sends a request to `path` (relative to the sandbox) and returns the answer, 2xx or not.
    public func send(_ method: HTTPMethod = .get, _ path: String, headers: HTTPHeaders = [:], body: Data? = nil) async throws -> SandboxReply {
        let request = HTTPRequest(method: method, url: baseURL + path, headers: headers, body: body)
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

    /// Posts `fields` form-encoded to `path` (an OAuth token endpoint, typically).
    public func postForm(_ path: String, _ fields: [(String, String)]) async throws -> SandboxReply {
        let body = fields.map { "\($0.0)=\(URLQuery.percentEncoded($0.1))" }.joined(separator: "&")
        return try await send(.post, path, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(body.utf8))
    }
}

/// Runs blocking work (a tap's sync, which waits on libcurl) on a thread of its own with an
/// 8 MiB stack, never on the cooperative pool.
public func onOwnThread<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result(catching: body)) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
