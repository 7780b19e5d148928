import Postgres
import PostgresTestSupport
import Testing

@Suite("COPY FROM STDIN")
struct CopyTests {
    struct Boom: Error {}

    /// Field values that exercise every escape of the text format and NULL versus empty.
    static func fields(for id: Int) -> (body: String?, note: String?) {
        let body: String? = switch id % 6 {
        case 0: nil
        case 1: ""
        case 2: #"\N"#  // the two characters, not NULL
        case 3: "tab\there\nnewline\r\nCRLF \\ backslash \\\\ two"
        case 4: "ünïcödé 🚀 \(id) 'quote' \"double\""
        default: "plain \(id)"
        }
        let note: String? = id % 5 == 0 ? "" : (id % 5 == 1 ? nil : "\t\(id)\n")
        return (body, note)
    }

    @Test func hundredThousandRowsArriveByteForByte() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE items (id int PRIMARY KEY, body text, note text)")
            let total = 100_000
            let stored = try connection.copyIn("COPY items (id, body, note) FROM STDIN") { writer in
                for id in 1...total {
                    let (body, note) = Self.fields(for: id)
                    try writer.writeRow([String(id), body, note])
                }
                #expect(writer.bytesWritten > writer.chunkSize)  // several chunks went out
            }
            #expect(stored == total)

            let rows = try connection.execute("SELECT id, body, note FROM items ORDER BY id")
            #expect(rows.count == total)
            var mismatches = 0
            for (offset, row) in rows.enumerated() {
                let expected = Self.fields(for: offset + 1)
                if try row.int(0) != offset + 1 || row[1] != expected.body || row[2] != expected.note {
                    mismatches += 1
                    if mismatches <= 3 { Issue.record("row \(offset + 1): got \(row.values), expected \(expected)") }
                }
            }
            #expect(mismatches == 0)
            let nulls = try connection.execute("SELECT count(*) FILTER (WHERE body IS NULL), count(*) FILTER (WHERE body = '') FROM items")[0]
            #expect(try nulls.int(0) == total / 6)
            #expect(try nulls.int(1) == (total + 5) / 6)
        }
    }

    @Test func rawBytesStringsAndSmallChunksAllArrive() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE items (id int, body text)")
            let stored = try connection.copyIn("COPY items FROM STDIN", chunkSize: 8) { writer in
                try writer.write("1\tone\n")
                try writer.write(Array("2\ttwo\n".utf8))
                try Array("3\ta longer row than one chunk\n".utf8).withUnsafeBytes { try writer.write(bytes: $0) }
            }
            #expect(stored == 3)
            let bodies = try connection.execute("SELECT body FROM items ORDER BY id").map { $0[0] }
            #expect(bodies == ["one", "two", "a longer row than one chunk"])
        }
    }

    @Test func badRowSurfacesSQLStateAndLine() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE items (id int, body text)")
            let error = try #require(throws: PostgresError.self) {
                try connection.copyIn("COPY items (id, body) FROM STDIN") { writer in
                    try writer.writeRow(["1", "fine"])
                    try writer.writeRow(["2", "fine too"])
                    try writer.writeRow(["three", "not an integer"])
                    try writer.writeRow(["4", "never stored"])
                }
            }
            #expect(error.kind == .server)
            #expect(error.sqlState == "22P02")
            #expect(error.message.contains("three"))
            #expect(error.context?.contains("line 3") == true, "\(error)")
            #expect(error.description.contains("COPY items"))
            // COPY is all or nothing, and the session is usable again.
            #expect(try connection.execute("SELECT count(*) FROM items")[0].int(0) == 0)
        }
    }

    @Test func throwingBodyAbortsTheCopyAndStoresNothing() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE items (id int)")
            #expect(throws: Boom.self) {
                try connection.copyIn("COPY items FROM STDIN") { writer in
                    try writer.writeRow(["1"])
                    try writer.flush()
                    throw Boom()
                }
            }
            #expect(try connection.execute("SELECT count(*) FROM items")[0].int(0) == 0)
        }
    }

    @Test func explicitWriterRefusesOtherStatementsUntilFinished() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE items (id int)")
            let writer = try connection.startCopyIn("COPY items FROM STDIN")
            try writer.writeRow(["1"])
            let busy = try #require(throws: PostgresError.self) { try connection.execute("SELECT 1") }
            #expect(busy.kind == .misuse)
            #expect(try writer.finish() == 1)
            let again = try #require(throws: PostgresError.self) { try writer.writeRow(["2"]) }
            #expect(again.kind == .misuse)

            let second = try connection.startCopyIn("COPY items FROM STDIN")
            try second.writeRow(["2"])
            try second.abort(message: "changed my mind")
            #expect(try connection.execute("SELECT array_agg(id)::text FROM items")[0][0] == "{1}")
        }
    }

    @Test func bodyThatFinishesTheCopyItselfGetsItsRowCountBack() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE items (id int)")
            var finishedInside: Int?
            let stored = try connection.copyIn("COPY items FROM STDIN") { writer in
                try writer.writeRow(["1"])
                try writer.writeRow(["2"])
                finishedInside = try writer.finish()
            }
            #expect(finishedInside == 2)
            #expect(stored == 2)
            #expect(try connection.execute("SELECT count(*) FROM items")[0].int(0) == 2)
        }
    }

    @Test func bodyThatAbortsTheCopyItselfStoresNothingAndReturnsZero() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE items (id int)")
            let stored = try connection.copyIn("COPY items FROM STDIN") { writer in
                try writer.writeRow(["1"])
                try writer.abort(message: "not today")
            }
            #expect(stored == 0)
            #expect(try connection.execute("SELECT count(*) FROM items")[0].int(0) == 0)
        }
    }

    @Test func hugeChunkSizeIsClampedToWhatLibpqAccepts() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE items (id int)")
            let stored = try connection.copyIn("COPY items FROM STDIN", chunkSize: Int.max) { writer in
                #expect(writer.chunkSize == CopyInWriter.maximumChunkSize)
                #expect(writer.chunkSize == Int(Int32.max))
                try writer.writeRow(["1"])
            }
            #expect(stored == 1)
        }
    }

    @Test func copyInsideTransactionRollsBackWithIt() throws {
        try TestServer.withSchema { connection, _ in
            try connection.execute("CREATE TABLE items (id int)")
            #expect(throws: Boom.self) {
                try connection.transaction { connection in
                    try connection.copyIn("COPY items FROM STDIN") { try $0.writeRow(["1"]) }
                    throw Boom()
                }
            }
            #expect(try connection.execute("SELECT count(*) FROM items")[0].int(0) == 0)
        }
    }

    @Test func textFormatEscapesOnlyWhatItMust() {
        var buffer: [UInt8] = []
        CopyTextFormat.appendRow(["a\tb", nil, "", "c\\d\ne\rf", "\\N"], to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == #"a\tb"# + "\t" + #"\N"# + "\t\t" + #"c\\d\ne\rf"# + "\t" + #"\\N"# + "\n")
    }
}
