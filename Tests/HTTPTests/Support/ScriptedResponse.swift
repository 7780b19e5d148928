/// What the test server sends for one request.
struct ScriptedResponse: Sendable {
    var status: Int = 200
    var headers: [(String, String)] = []
    var body: [UInt8] = []
    /// Send the body with `Transfer-Encoding: chunked`, in pieces of `chunkSize`.
    var chunked = false
    var chunkSize = 16 * 1024
    /// Wait this long before sending anything (to provoke timeouts).
    var delayBeforeHead: Duration = .zero
    /// Declare the full length but close the connection after this many body bytes.
    var dropAfterBodyBytes: Int?
    /// Send this many body bytes, go silent for the duration, then send the rest.
    var stallAfterBodyBytes: (bytes: Int, pause: Duration)?

    static func ok(_ text: String, headers: [(String, String)] = []) -> ScriptedResponse {
        ScriptedResponse(status: 200, headers: headers, body: Array(text.utf8))
    }

    static func status(_ status: Int, _ text: String = "", headers: [(String, String)] = []) -> ScriptedResponse {
        ScriptedResponse(status: status, headers: headers, body: Array(text.utf8))
    }
}

/// One request as the test server parsed it.
struct ReceivedRequest: Sendable {
    var method: String
    /// The request target: a path and query, or an absolute URL when proxied.
    var target: String
    /// Header fields with lower-cased names.
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
}
