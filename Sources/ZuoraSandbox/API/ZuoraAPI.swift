import SandboxKit
import Singer
import Synchronization

/// The Zuora API emulator behind the HTTP server: authentication, rate-limit headers, faults
/// and routing to OAuth, describe, AQuA, export and file handlers. One per sandbox.
final class ZuoraAPI: Sendable {
    let options: ZuoraSandboxOptions
    let credentials: ZuoraCredentials
    let store: ZuoraRecordStore
    let counters = SandboxCounters()
    let log = RequestLog()
    let tokens: AccessTokenRegistry
    let tokenExpiry = Mutex<[String: Int64]>([:])
    let flakyErrors: EveryNthEvent
    let flakyDrops: EveryNthEvent
    let rateLimits: EveryNthEvent
    let rateWindow = Mutex<(start: Int64, count: Int)>((0, 0))
    let minting: Mutex<SeededRandom>
    let baseURLStorage = Mutex<String?>(nil)
    let jobs = AQuAJobStore()
    let exports = ExportJobStore()
    let files = FileStore()

    init(options: ZuoraSandboxOptions, credentials: ZuoraCredentials) {
        self.options = options
        self.credentials = credentials
        store = ZuoraRecordStore(schema: .standard, seed: options.seed, accounts: options.records)
        tokens = AccessTokenRegistry(callsPerToken: options.scenarios.contains(.tokenExpiry) ? options.callsPerToken : nil)
        flakyErrors = EveryNthEvent(period: options.scenarios.contains(.flaky) ? options.flakyPeriod : 0)
        flakyDrops = EveryNthEvent(period: options.scenarios.contains(.flaky) ? options.dropPeriod : 0)
        rateLimits = EveryNthEvent(period: options.scenarios.contains(.rateLimit) ? options.rateLimitPeriod : 0)
        minting = Mutex(SeededRandom(seed: options.seed, purpose: "zuora-tokens"))
    }

    var baseURL: String { baseURLStorage.withLock { $0 } ?? "http://127.0.0.1" }

    func now() -> Int64 { options.clock.nowMilliseconds() }

    /// 32 lower-case hex digits, deterministic per seed (job, file and token ids).
    func mintHex(_ length: Int = 32) -> String {
        minting.withLock { random in
            String(decoding: (0..<length).map { _ in ZuoraID.hexDigits[Int(random.next() & 0xF)] }, as: UTF8.self)
        }
    }

    /// A UUID-shaped request id derived from the request's number (so it does not disturb
    /// the ids minted for tokens, jobs and files).
    func requestID(_ number: Int) -> String {
        var random = SeededRandom(seed: options.seed ^ UInt64(number), purpose: "request-id")
        let hex = String(decoding: (0..<32).map { _ in ZuoraID.hexDigits[Int(random.next() & 0xF)] }, as: UTF8.self)
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }

    /// The server's entry point.
    func handle(_ request: SandboxRequest) -> SandboxResponse {
        let number = counters.increment(ZuoraCounter.requests)
        var code: String?
        var response: SandboxResponse
        do {
            response = try route(request)
        } catch let error as ZuoraError {
            code = error.code
            response = error.response
        } catch {
            response = ZuoraError.reasons(500, 50_000_000, "Internal error: \(error)").response
        }
        // Zuora identifies every answer and echoes the caller's tracing id.
        response.setHeader("Zuora-Request-Id", requestID(number))
        if let track = request.header("zuora-track-id") { response.setHeader("Zuora-Track-Id", track) }
        log.append(RequestLog.Entry(method: request.method, path: request.path, query: request.rawQuery, status: response.status, errorCode: code))
        return response
    }

    private func route(_ request: SandboxRequest) throws -> SandboxResponse {
        let segments = request.pathSegments
        switch (request.method, segments.first, segments.count) {
        case (_, "oauth", 2) where segments[1] == "token":
            guard request.method == "POST" else { throw ZuoraError.methodNotAllowed(request.method) }
            return token(request)
        case (_, "_sandbox", _):
            return try admin(request, rest: Array(segments.dropFirst()))
        case (_, "v1", 2...):
            return authenticated(request) { try v1(request, rest: Array(segments.dropFirst())) }
        default:
            throw ZuoraError.notFound
        }
    }

    private func v1(_ request: SandboxRequest, rest: [String]) throws -> SandboxResponse {
        switch (request.method, rest.first, rest.count) {
        case ("GET", "describe", 1): return describeList()
        case ("GET", "describe", 2): return try describe(rest[1])
        case ("POST", "batch-query", 1): return submitAQuA(request)
        case ("GET", "batch-query", 3) where rest[1] == "jobs": return try aquaJob(rest[2], cancel: false)
        case ("DELETE", "batch-query", 3) where rest[1] == "jobs": return try aquaJob(rest[2], cancel: true)
        case ("GET", "file", 2), ("GET", "files", 2): return try file(rest[1])
        case ("POST", "object", 2) where rest[1] == "export": return try createExport(request)
        case ("GET", "object", 3) where rest[1] == "export": return try exportJob(rest[2])
        case (let method, "describe", _), (let method, "batch-query", _), (let method, "file", _), (let method, "files", _), (let method, "object", _):
            throw ZuoraError.methodNotAllowed(method)
        default: throw ZuoraError.notFound
        }
    }
}
