import Foundation
import Singer

/// Turns an export's CSV (AQuA or REST) into RECORD lines typed from the schema, streamed:
/// the header names the columns (`Account.Name` → `Name`, `BillToContact.Id` →
/// `BillToContactId`, `Account.Deleted` → `Deleted`), quoted newlines stay inside their value
/// (they break the Python tap), and every row must have the header's width.
///
/// Incremental streams skip rows whose replication key is empty or before the bookmark the
/// file started from, and remember the highest key emitted.
struct CSVRecordEmitter {
    private let plan: StreamPlan
    private let recordPrefix: [UInt8]
    private let recordSuffix: [UInt8]
    /// The bookmark (normalised) rows must reach; empty for none.
    private let lowerBound: [UInt8]
    /// For each column: the field index in `plan.fields`, `-1` for `Deleted`, `nil` to ignore.
    private var columns: [Int?] = []
    private var columnNames: [[UInt8]] = []
    private var keyColumn: Int?
    private var line = JSONWriter(capacity: 8192)
    private var scratch: [UInt8] = []
    /// The highest normalised replication-key value emitted (empty: none yet).
    private(set) var highestKey: [UInt8] = []
    private(set) var recordsEmitted = 0
    /// Data rows of the current file handled so far (emitted or skipped).
    private(set) var fileRowsSeen = 0
    /// Data rows at the start of the file to pass over: a download restarted after a broken
    /// connection, whose first rows were already handled.
    private var rowsToSkip = 0

    init(plan: StreamPlan, timeExtracted: String, bookmark: String?) {
        self.plan = plan
        var writer = JSONWriter(capacity: 128)
        writer.appendRaw("{\"type\":\"RECORD\",\"stream\":")
        writer.writeString(plan.stream)
        writer.appendRaw(",\"record\":{")
        recordPrefix = writer.bytes
        writer.reset()
        writer.appendRaw("},\"time_extracted\":")
        writer.writeString(timeExtracted)
        writer.appendRaw("}\n")
        recordSuffix = writer.bytes
        var bound: [UInt8] = []
        if let bookmark, !bookmark.isEmpty {
            let text = Array(bookmark.utf8)
            _ = text.withUnsafeBytes { TimestampText.normalizeDateTime($0, into: &bound) }
        }
        lowerBound = bound
    }

    /// Parses one chunk of a file with that file's `parser`, writing each complete record to
    /// `output`. (The parser lives outside, so its rows can update this emitter.)
    mutating func push(_ chunk: Data, parser: inout CSVParser, to output: MessageWriter) throws {
        try parser.push(chunk) { row in try handle(row, output) }
    }

    /// Ends a file (a final row without a line break).
    mutating func finish(parser: inout CSVParser, to output: MessageWriter) throws {
        try parser.finish { row in try handle(row, output) }
    }

    /// Starts a file (or its download again from byte 0): the next row is its header, and the
    /// first `skipping` data rows were handled before.
    mutating func startFile(skipping: Int = 0) {
        columns = []
        fileRowsSeen = 0
        rowsToSkip = skipping
    }

    private mutating func handle(_ row: CSVRow, _ output: MessageWriter) throws {
        if columns.isEmpty {
            readHeader(row)
            return
        }
        fileRowsSeen += 1
        if fileRowsSeen <= rowsToSkip { return }
        guard row.count == columns.count else {
            throw ZuoraError.badRow(stream: plan.stream, row: row.number, reason: "\(row.count) values for \(columns.count) columns")
        }
        if let keyColumn {
            let field = row[keyColumn]
            guard !field.isEmpty, TimestampText.normalizeDateTime(field.bytes, into: &scratch) else { return }
            if !lowerBound.isEmpty && scratch.lexicographicallyPrecedes(lowerBound) { return }
            if highestKey.isEmpty || highestKey.lexicographicallyPrecedes(scratch) { highestKey = scratch }
        }
        line.reset()
        line.appendBytes(recordPrefix)
        var first = true
        for (index, target) in columns.enumerated() {
            guard let target else { continue }
            if !first { line.appendRaw(",") }
            first = false
            line.appendBytes(columnNames[index])
            let kind = target < 0 ? ZuoraFieldKind.boolean : plan.fields[target].kind
            try write(row[index], kind: kind, row: row.number, column: index)
        }
        line.appendBytes(recordSuffix)
        try output.writeRaw(line.bytes)
        recordsEmitted += 1
    }

    private mutating func readHeader(_ row: CSVRow) {
        let prefix = plan.object + "."
        columns = []
        columnNames = []
        for header in row.strings {
            var name = header.hasPrefix(prefix) ? String(header.dropFirst(prefix.count)) : header
            if name.hasSuffix(".Deleted") || name == "Deleted" {
                name = "Deleted"
            } else {
                name = name.replacingOccurrences(of: ".", with: "")
            }
            let target: Int? = name == "Deleted" ? -1 : plan.fields.firstIndex { $0.name == name }
            columns.append(target)
            var writer = JSONWriter(capacity: name.utf8.count + 4)
            writer.writeString(name)
            writer.appendRaw(":")
            columnNames.append(writer.bytes)
        }
        keyColumn = plan.replicationKey.flatMap { key in
            columns.firstIndex { $0.map { $0 >= 0 && plan.fields[$0].name == key } ?? false }
        }
    }

    private mutating func write(_ field: CSVField, kind: ZuoraFieldKind, row: Int, column: Int) throws {
        let bytes = field.bytes
        if kind == .string {
            line.writeString(utf8: bytes)
            return
        }
        if bytes.isEmpty {
            line.appendRaw("null")
            return
        }
        switch kind {
        case .string:
            break
        case .boolean:
            switch field.text.lowercased() {
            case "true", "1": line.appendRaw("true")
            case "false", "0": line.appendRaw("false")
            default: throw invalid(field, row: row, column: column, expected: "true or false")
            }
        case .integer:
            guard let length = NumberText.integerPrefixLength(bytes) else {
                throw invalid(field, row: row, column: column, expected: "an integer")
            }
            line.appendBytes(UnsafeRawBufferPointer(rebasing: bytes[0..<length]))
        case .number:
            guard NumberText.isJSONNumber(bytes) else { throw invalid(field, row: row, column: column, expected: "a number") }
            line.appendBytes(bytes)
        case .dateTime:
            guard TimestampText.normalizeDateTime(bytes, into: &scratch) else {
                throw invalid(field, row: row, column: column, expected: "a date-time")
            }
            line.appendRaw("\"")
            line.appendBytes(scratch)
            line.appendRaw("\"")
        }
    }

    private func invalid(_ field: CSVField, row: Int, column: Int, expected: String) -> ZuoraError {
        let name = String(decoding: columnNames[column].dropLast(), as: UTF8.self)
        return .badRow(stream: plan.stream, row: row, reason: "\(name) is '\(field.text.prefix(60))', not \(expected)")
    }
}
