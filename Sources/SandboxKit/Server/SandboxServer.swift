import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A running sandbox HTTP server on 127.0.0.1, serving one ``SandboxHandler``.
///
/// Port 0 picks a free port; ``port`` holds the one bound. The server runs until ``stop()``.
///
/// ```swift
/// let server = try await SandboxServer.start(port: 0) { request in .json("{}") }
/// print(server.baseURL)   // http://127.0.0.1:41237
/// await server.stop()
/// ```
public final class SandboxServer: Sendable {
    /// The bound TCP port.
    public let port: Int
    private let task: Task<Void, Never>
    private let group: ServiceGroup

    /// `http://127.0.0.1:PORT`, no trailing slash.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, task: Task<Void, Never>, group: ServiceGroup) {
        self.port = port
        self.task = task
        self.group = group
    }

    /// Binds 127.0.0.1:`port` (0 = any free port) and serves `handler` until stopped.
    /// Returns once the socket is listening; throws if it cannot bind.
    public static func start(port: Int = 0, logger: Logger? = nil, handler: @escaping SandboxHandler) async throws -> SandboxServer {
        let logger = logger ?? quietLogger()
        let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let application = Application(
            responder: SandboxResponder(handler: handler),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                continuation.yield(.success(channel.localAddress?.port ?? port))
            },
            logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [application], gracefulShutdownSignals: [], logger: logger))
        // Every task of the server (connections, handlers) inherits this preference.
        let task = Task(executorPreference: SandboxExecutor(label: "sandbox-server")) {
            do {
                try await group.run()
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await event in events {
            switch event {
            case .success(let bound): return SandboxServer(port: bound, task: task, group: group)
            case .failure(let error): throw SandboxServerError.couldNotStart(port: port, underlying: "\(error)")
            }
        }
        throw SandboxServerError.couldNotStart(port: port, underlying: "the server stopped before it was listening")
    }

    /// Stops accepting connections, lets requests in flight finish, closes idle keep-alive
    /// connections and waits for the server to end.
    public func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }

    /// Warnings and errors to stderr; Hummingbird's per-start info lines would clutter the
    /// output scripts parse.
    public static func quietLogger(label: String = "sandbox") -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        return logger
    }
}

/// Why a sandbox server could not serve.
public enum SandboxServerError: Error, CustomStringConvertible {
    /// Binding or starting failed (port in use, no permission…).
    case couldNotStart(port: Int, underlying: String)

    public var description: String {
        switch self {
        case .couldNotStart(let port, let underlying):
            "The sandbox server could not listen on 127.0.0.1:\(port): \(underlying). Pick another port or use --port 0 for a free one."
        }
    }
}
