import CLibPQ

extension PostgresConnection {
    /// Gets the session out of a COPY it entered by surprise (a statement run through the wrong
    /// call), so it accepts the next statement: ends a COPY FROM STDIN with `reason` as its
    /// failure, reads and drops the rows of a COPY TO STDOUT, then drops every pending result.
    static func abandonCopy(_ connection: OpaquePointer, status: ExecStatusType, reason: String) {
        if status == PGRES_COPY_IN || status == PGRES_COPY_BOTH {
            // The server answers the failed end-of-data with an error result, drained below.
            _ = reason.withCString { PQputCopyEnd(connection, $0) }
        }
        if status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH {
            var buffer: UnsafeMutablePointer<CChar>?
            // > 0 is a row; -1 ends the COPY and -2 is a failure: nothing more to read either way.
            while PQgetCopyData(connection, &buffer, 0) > 0 {
                PQfreemem(buffer)
                buffer = nil
            }
        }
        while let leftover = PQgetResult(connection) { PQclear(leftover) }
    }
}
