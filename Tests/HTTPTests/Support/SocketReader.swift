import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads HTTP/1.1 requests (head plus `Content-Length` body) from a socket.
struct SocketReader {
    let socket: Int32
    private var buffer: [UInt8] = []

    init(socket: Int32) {
        self.socket = socket
    }

    /// The next request, or `nil` when the peer closed or sent garbage.
    mutating func readRequest() -> ReceivedRequest? {
        guard let headEnd = fill(until: { $0.firstRange(of: [13, 10, 13, 10]) }) else { return nil }
        let headText = String(decoding: buffer[..<headEnd.lowerBound], as: UTF8.self)
        buffer.removeFirst(headEnd.upperBound)
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        guard fill(until: { $0.count >= length ? 0..<length : nil }) != nil else { return nil }
        let body = Array(buffer.prefix(length))
        buffer.removeFirst(length)
        return ReceivedRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }

    /// Reads until `found` locates what it needs in the buffer.
    private mutating func fill(until found: ([UInt8]) -> Range<Int>?) -> Range<Int>? {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if let range = found(buffer) { return range }
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[..<count])
        }
    }
}
