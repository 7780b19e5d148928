import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 with an ephemeral port, for tests.
///
/// Each request is answered by the responder closure (or the next scripted
/// response), so tests exercise the real libcurl client over real sockets:
/// keep-alive, chunked bodies, delays and connections dropped mid-body.
///
/// The server stops (its port and open connections are shut) when ``stop()``
/// is called or the last reference goes away: its threads hold only the
/// shared ``State``, never the server itself.
final class TestHTTPServer: @unchecked Sendable {
    typealias Responder = @Sendable (ReceivedRequest, Int) -> ScriptedResponse

    let port: UInt16
    private let state: State

    /// Answers request *n* (0-based) with `script[n]`, repeating the last entry.
    convenience init(script: [ScriptedResponse]) throws {
        try self.init { _, index in script[min(index, script.count - 1)] }
    }

    init(responder: @escaping Responder) throws {
        let (listener, port) = try Self.listen()
        self.port = port
        let state = State(listener: listener, responder: responder)
        self.state = state
        Thread.detachNewThread { state.acceptLoop() }
    }

    deinit { stop() }

    /// `http://127.0.0.1:<port><path>`.
    func url(_ path: String = "/") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Requests received so far, in order.
    var requests: [ReceivedRequest] { state.requests }
    /// TCP connections accepted so far.
    var connectionCount: Int { state.connectionCount }

    /// Stops accepting and shuts every open connection; safe to call twice.
    func stop() { state.stop() }

    /// Everything the accept and connection threads share.
    private final class State: @unchecked Sendable {
        let listener: Int32
        let responder: Responder
        /// Guards every `var` below; `@unchecked Sendable` rests on it.
        private let lock = NSLock()
        private var received: [ReceivedRequest] = []
        private var connections = 0
        private var openSockets: Set<Int32> = []
        private var stopped = false

        init(listener: Int32, responder: @escaping Responder) {
            self.listener = listener
            self.responder = responder
        }

        var requests: [ReceivedRequest] { lock.withLock { received } }
        var connectionCount: Int { lock.withLock { connections } }
        private var isStopped: Bool { lock.withLock { stopped } }

        func stop() {
            let sockets = lock.withLock { () -> Set<Int32>? in
                defer { stopped = true }
                return stopped ? nil : openSockets
            }
            guard let sockets else { return }
            // shutdown, not close: the threads still using these descriptors close
            // them, so a number can never be reused by another test while in use here.
            shutdown(listener, Int32(SHUT_RDWR))
            for socket in sockets { shutdown(socket, Int32(SHUT_RDWR)) }
        }

        func acceptLoop() {
            defer { close(listener) }
            while !isStopped {
                var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 100) > 0, !isStopped else { continue }
                let client = accept(listener, nil, nil)
                guard client >= 0 else { continue }
                let accepted = lock.withLock { () -> Bool in
                    guard !stopped else { return false }
                    connections += 1
                    openSockets.insert(client)
                    return true
                }
                guard accepted else { close(client); break }
                Thread.detachNewThread { self.serve(client) }
            }
        }

        /// Serves requests on one connection until either side closes it.
        private func serve(_ socket: Int32) {
            defer {
                lock.withLock { _ = openSockets.remove(socket) }
                close(socket)
            }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var reader = SocketReader(socket: socket)
            while let request = reader.readRequest() {
                let index = lock.withLock { () -> Int in
                    received.append(request)
                    return received.count - 1
                }
                let response = responder(request, index)
                guard write(response, to: socket) else { return }
            }
        }

        /// Sends `response`; returns `false` when the connection must close.
        private func write(_ response: ScriptedResponse, to socket: Int32) -> Bool {
            if response.delayBeforeHead > .zero { Thread.sleep(forTimeInterval: response.delayBeforeHead.seconds) }
            var head = "HTTP/1.1 \(response.status) Scripted\r\n"
            for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
            head += response.chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: \(response.body.count)\r\n"
            head += "\r\n"
            guard send(Array(head.utf8), to: socket) else { return false }

            if let cut = response.dropAfterBodyBytes {
                _ = send(Array(response.body.prefix(cut)), to: socket)
                return false
            }
            if let stall = response.stallAfterBodyBytes {
                guard send(Array(response.body.prefix(stall.bytes)), to: socket) else { return false }
                Thread.sleep(forTimeInterval: stall.pause.seconds)
                return send(Array(response.body.dropFirst(stall.bytes)), to: socket)
            }
            guard response.chunked else { return send(response.body, to: socket) }
            var offset = 0
            while offset < response.body.count {
                let piece = response.body[offset..<min(offset + response.chunkSize, response.body.count)]
                let framed = Array(String(piece.count, radix: 16).utf8) + [13, 10] + piece + [13, 10]
                guard send(framed, to: socket) else { return false }
                offset += piece.count
            }
            return send(Array("0\r\n\r\n".utf8), to: socket)
        }

        private func send(_ bytes: [UInt8], to socket: Int32) -> Bool {
            var sent = 0
            while sent < bytes.count {
                // MSG_NOSIGNAL: a client that hung up must not kill the test process with SIGPIPE.
                let result = bytes[sent...].withUnsafeBytes {
                    Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                guard result > 0 else { return false }
                sent += result
            }
            return true
        }
    }

    private static func listen() throws -> (Int32, UInt16) {
        let (socket, port) = try boundSocket()
        guard Glibc.listen(socket, 64) == 0 else {
            let code = errno
            close(socket)
            throw TestServerError.socket("listen", code)
        }
        return (socket, port)
    }

    /// A TCP socket bound to an ephemeral port on 127.0.0.1, not yet listening.
    fileprivate static func boundSocket() throws -> (Int32, UInt16) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestServerError.socket("socket", errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            close(socket)
            throw TestServerError.socket("bind", code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return (socket, UInt16(bigEndian: address.sin_port))
    }
}

/// A port on 127.0.0.1 that refuses connections for as long as this value lives.
///
/// The socket is bound but never listens, so connecting gets a reset (ECONNREFUSED), and
/// no other test can take the port in the meantime, as it could after a bind-and-release.
final class RefusingPort: @unchecked Sendable {
    let port: UInt16
    private let socket: Int32

    init() throws {
        (socket, port) = try TestHTTPServer.boundSocket()
    }

    deinit { close(socket) }

    /// `http://127.0.0.1:<port><path>`.
    func url(_ path: String = "/") -> String { "http://127.0.0.1:\(port)\(path)" }
}

enum TestServerError: Error {
    case socket(String, Int32)
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
