import CLibPQ
import Logging

/// Routes server NOTICE/WARNING messages into swift-log instead of libpq's raw stderr print.
///
/// libpq calls back with a C function pointer and an opaque context; this object is that
/// context and is kept alive by the connection for as long as the PGconn exists.
final class NoticeForwarder {
    var logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// Installs the forwarder on `connection`; the caller keeps `self` alive until PQfinish.
    func install(on connection: OpaquePointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = PQsetNoticeReceiver(connection, { context, result in
            guard let context, let result else { return }
            let forwarder = Unmanaged<NoticeForwarder>.fromOpaque(context).takeUnretainedValue()
            forwarder.forward(result)
        }, context)
    }

    private func forward(_ result: OpaquePointer) {
        let severity = ResultHandle.errorField(result, .severityNonLocalized) ?? "NOTICE"
        let message = ResultHandle.errorField(result, .messagePrimary) ?? ""
        var metadata: Logger.Metadata = ["severity": "\(severity)"]
        if let sqlState = ResultHandle.errorField(result, .sqlState) { metadata["sqlstate"] = "\(sqlState)" }
        if let detail = ResultHandle.errorField(result, .detail) { metadata["detail"] = "\(detail)" }
        let level: Logger.Level = severity == "WARNING" ? .warning : (severity == "NOTICE" ? .notice : .debug)
        logger.log(level: level, "PostgreSQL \(severity.lowercased()): \(message)", metadata: metadata)
    }
}
