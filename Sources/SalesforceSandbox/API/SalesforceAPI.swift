import SandboxKit
import Singer
import Synchronization

/// The Salesforce API emulator behind the HTTP server: authentication, limits, faults and
/// routing to the REST, Bulk and admin handlers. One instance per sandbox.
final class SalesforceAPI: Sendable {
    static let latestVersion = "61.0"

    let schema: OrgSchema
    let store: SalesforceRecordStore
    let options: SalesforceSandboxOptions
    let credentials: SalesforceCredentials
    let jwtVerifier: JWTVerifier?
    let counters = SandboxCounters()
    let log = RequestLog()
    let tokens: AccessTokenRegistry
    let refreshTokens: Mutex<Set<String>>
    let usage: Mutex<Int>
    let flakyErrors: EveryNthEvent
    let flakyDrops: EveryNthEvent
    let cursors = QueryCursorStore()
    let jobs = BulkJobStore()
    let jobs1 = Bulk1JobStore()
    let minting: Mutex<SeededRandom>
    let baseURLStorage = Mutex<String?>(nil)

    init(options: SalesforceSandboxOptions, credentials: SalesforceCredentials, jwtVerifier: JWTVerifier?) {
        self.options = options
        self.credentials = credentials
        self.jwtVerifier = jwtVerifier
        schema = .standard
        store = SalesforceRecordStore(schema: .standard, seed: options.seed, opportunities: options.records)
        tokens = AccessTokenRegistry(callsPerToken: options.scenarios.contains(.tokenExpiry) ? options.callsPerToken : nil)
        refreshTokens = Mutex([credentials.refreshToken])
        usage = Mutex(options.effectiveUsageBase())
        flakyErrors = EveryNthEvent(period: options.scenarios.contains(.flaky) ? options.flakyPeriod : 0)
        flakyDrops = EveryNthEvent(period: options.scenarios.contains(.flaky) ? options.dropPeriod : 0)
        minting = Mutex(SeededRandom(seed: options.seed, purpose: "tokens"))
    }

    /// `http://127.0.0.1:PORT`, known once the server listens.
    var baseURL: String { baseURLStorage.withLock { $0 } ?? "http://127.0.0.1" }

    func now() -> Int64 { options.clock.nowMilliseconds() }

    /// An opaque random string (tokens, locators), deterministic per seed.
    func mint(prefix: String, length: Int) -> String {
        minting.withLock { random in SalesforceID.opaque(prefix: prefix, length: length, using: &random) }
    }

    /// The server's entry point.
    func handle(_ request: SandboxRequest) -> SandboxResponse {
        counters.increment(SalesforceCounter.requests)
        let response: SandboxResponse
        do {
            response = try route(request)
        } catch let error as APIError {
            response = error.response
        } catch {
            response = APIError(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred: \(error)").response
        }
        log.append(RequestLog.Entry(
            method: request.method, path: request.path, query: request.rawQuery, status: response.status,
            errorCode: response.status >= 400 ? Self.errorCode(in: response) : nil))
        return response
    }

    private func route(_ request: SandboxRequest) throws -> SandboxResponse {
        let segments = request.pathSegments
        switch segments.first {
        case "services":
            guard segments.count >= 2 else { throw APIError.notFound }
            switch segments[1] {
            case "oauth2" where segments.count == 3 && segments[2] == "token":
                guard request.method == "POST" else { throw APIError.methodNotAllowed(request.method, allowed: ["POST"]) }
                return token(request)
            case "data" where segments.count == 2:
                return versions()
            case "data":
                let version = segments[2]
                guard Self.isVersion(version) else { throw APIError.notFound }
                return authenticated(request) { try dataResource(request, version: version, rest: Array(segments.dropFirst(3))) }
            case "async" where segments.count >= 3:
                return bulkV1(request, version: segments[2], rest: Array(segments.dropFirst(3)))
            default: throw APIError.notFound
            }
        case "_sandbox":
            return try admin(request, rest: Array(segments.dropFirst()))
        default:
            throw APIError.notFound
        }
    }

    static func isVersion(_ segment: String) -> Bool {
        guard segment.hasPrefix("v") else { return segment == "latest" }
        let parts = segment.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// Dispatches `/services/data/vXX.X/<rest>`; also used for composite subrequests.
    func dataResource(_ request: SandboxRequest, version: String, rest: [String]) throws -> SandboxResponse {
        let version = version == "latest" ? "v\(Self.latestVersion)" : version
        switch (request.method, rest.first, rest.count) {
        case ("GET", nil, _): return resources(version: version)
        case ("GET", "sobjects", 1): return describeGlobal(version: version)
        case ("GET", "sobjects", 2): return try sobjectInfo(rest[1], version: version)
        case ("GET", "sobjects", 3) where rest[2] == "describe": return try describe(rest[1], version: version)
        case ("GET", "query", 1), ("GET", "queryAll", 1):
            return try query(request, version: version, includeDeleted: rest[0] == "queryAll")
        case ("GET", "query", 2), ("GET", "queryAll", 2):
            return try queryMore(request, version: version, locator: rest[1])
        case ("GET", "limits", 1): return limits()
        case ("POST", "composite", 2) where rest[1] == "batch": return try compositeBatch(request, version: version)
        case (_, "jobs", _) where rest.count >= 2 && rest[1] == "query":
            return try bulkQuery(request, version: version, rest: Array(rest.dropFirst(2)))
        case (let method, "sobjects", _), (let method, "query", _), (let method, "queryAll", _), (let method, "limits", _):
            throw APIError.methodNotAllowed(method, allowed: ["GET", "HEAD"])
        default:
            throw APIError.notFound
        }
    }

    private static func errorCode(in response: SandboxResponse) -> String? {
        guard case .buffer(let buffer) = response.body, buffer.readableBytes < 65_536 else { return nil }
        if response.header("Content-Type") == "application/xml" {
            return Bulk1Document.element("exceptionCode", in: String(decoding: buffer.readableBytesView, as: UTF8.self))
        }
        var parser = JSONParser()
        guard let value = try? parser.parse(Array(buffer.readableBytesView)) else { return nil }
        return value[0]?["errorCode"]?.stringValue ?? value["error"]?.stringValue ?? value["exceptionCode"]?.stringValue
    }
}
