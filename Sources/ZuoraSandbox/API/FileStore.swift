import Synchronization

/// Result files by id (AQuA batch files and export files), kept for the sandbox's lifetime.
final class FileStore: Sendable {
    private let files = Mutex<[String: [UInt8]]>([:])

    func put(_ id: String, _ bytes: [UInt8]) { files.withLock { $0[id] = bytes } }

    func get(_ id: String) -> [UInt8]? { files.withLock { $0[id] } }
}
