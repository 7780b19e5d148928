#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Singer

/// Writes RECORD lines straight from what Salesforce sent (a REST page's JSON tape, a Bulk CSV
/// row) into a reused buffer: no dictionary per record, numbers copied as written, datetimes
/// normalised, `attributes` dropped. It also keeps the highest replication-key value seen,
/// normalised, for the bookmark.
///
/// ```swift
/// var encoder = RecordEncoder(plan: plan, version: 1, timeExtracted: "…")
/// try encoder.encode(restRecord: element)   // encoder.line holds {"type":"RECORD",…}\n
/// try output.writeRaw(encoder.line.bytes)
/// ```
struct RecordEncoder {
    let stream: String
    let fields: [SyncField]
    let replicationKeyIndex: Int?
    /// The finished line after each `encode` call.
    private(set) var line = JSONWriter(capacity: 8192)
    /// The highest normalised replication-key value encoded so far (empty: none yet).
    private(set) var highestKey: [UInt8] = []

    private let recordPrefix: [UInt8]
    private let recordSuffix: [UInt8]
    private var scratch: [UInt8] = []
    private var nextFieldHint = 0
    private var recordKey: [UInt8] = []

    init(plan: StreamPlan, version: Int?, timeExtracted: String) {
        stream = plan.stream
        fields = plan.fields
        replicationKeyIndex = plan.replicationKey.flatMap { key in plan.fields.firstIndex { $0.name == key } }
        var writer = JSONWriter(capacity: 128)
        writer.appendRaw("{\"type\":\"RECORD\",\"stream\":")
        writer.writeString(plan.messageStream)
        writer.appendRaw(",\"record\":{")
        recordPrefix = writer.bytes
        writer.reset()
        writer.appendRaw("}")
        if let version {
            writer.appendRaw(",\"version\":")
            writer.writeNumber(JSONNumber(version))
        }
        writer.appendRaw(",\"time_extracted\":")
        writer.writeString(timeExtracted)
        writer.appendRaw("}\n")
        recordSuffix = writer.bytes
        scratch.reserveCapacity(64)
    }

    /// Forgets the highest key seen (a new window or job starts from the bookmark again).
    mutating func resetHighestKey() { highestKey.removeAll(keepingCapacity: true) }

    // MARK: - REST

    /// Encodes one element of a REST page's `records`.
    mutating func encode(restRecord record: JSONElement) throws {
        line.reset()
        line.appendBytes(recordPrefix)
        recordKey.removeAll(keepingCapacity: true)
        nextFieldHint = 0
        var first = true
        try record.forEachMember { rawName, value in
            guard let index = fieldIndex(named: rawName) else { return }
            if !first { line.appendRaw(",") }
            first = false
            line.appendBytes(fields[index].memberPrefix)
            try writeREST(value, field: index)
        }
        line.appendBytes(recordSuffix)
        noteRecordKey()
    }

    /// The field a member name belongs to; records list fields in SELECT order after
    /// `attributes`, so the next expected field is tried first.
    private mutating func fieldIndex(named rawName: UnsafeRawBufferPointer) -> Int? {
        if nextFieldHint < fields.count && Self.equal(rawName, fields[nextFieldHint].nameBytes) {
            nextFieldHint += 1
            return nextFieldHint - 1
        }
        if Self.equal(rawName, Self.attributesName) { return nil }
        for index in fields.indices where Self.equal(rawName, fields[index].nameBytes) {
            nextFieldHint = index + 1
            return index
        }
        return nil  // `attributes`, or a field nobody selected
    }

    private mutating func writeREST(_ value: JSONElement, field index: Int) throws {
        let kind = fields[index].kind
        switch value.kind {
        case .null:
            line.appendRaw("null")
        case .string:
            switch kind {
            case .dateTime, .date:
                guard let content = value.rawContent, !value.hasEscapes, normalize(content, kind: kind) else {
                    throw invalid(value.stringValue ?? "", field: index, expected: kind == .date ? "a date" : "a datetime")
                }
                line.appendRaw("\"")
                line.appendBytes(scratch)
                line.appendRaw("\"")
                if index == replicationKeyIndex { recordKey = scratch }
                return
            case .integer, .number, .boolean:
                // A typed field that arrived as text (anyType/formula quirks): type it as Bulk text.
                guard !value.hasEscapes, let content = value.rawContent else { line.appendBytes(value.rawJSON); return }
                try writeCSVValue(content, field: index, source: "REST")
            default:
                line.appendBytes(value.rawJSON)
            }
        case .number:
            if kind == .string {
                line.writeString(utf8: value.rawJSON)  // a string field gets a string, as the Python transformer does
            } else if kind == .integer && !value.isIntegerLiteral, let content = value.rawContent,
                let integerLength = NumberText.integerPrefixLength(content)
            {
                line.appendBytes(UnsafeRawBufferPointer(rebasing: content[0..<integerLength]))
            } else {
                line.appendBytes(value.rawJSON)
            }
        case .bool:
            if kind == .string { line.writeString(utf8: value.rawJSON) } else { line.appendBytes(value.rawJSON) }
        case .object:
            writeObjectWithoutAttributes(value)
        case .array:
            line.appendBytes(value.rawJSON)
        }
        if index == replicationKeyIndex, let content = value.rawContent { recordKey = Array(content) }
    }

    /// A compound address/location (or relationship) object with its `attributes` removed.
    private mutating func writeObjectWithoutAttributes(_ object: JSONElement) {
        line.appendRaw("{")
        var first = true
        object.forEachMember { rawName, value in
            if Self.equal(rawName, Self.attributesName) { return }
            if !first { line.appendRaw(",") }
            first = false
            line.appendRaw("\"")
            line.appendBytes(rawName)
            line.appendRaw("\":")
            if value.kind == .object { writeObjectWithoutAttributes(value) } else { line.appendBytes(value.rawJSON) }
        }
        line.appendRaw("}")
    }

    // MARK: - Bulk CSV

    /// For each CSV column, the field it fills (`nil`: not selected, skipped).
    func columns(forHeader header: CSVRow) -> [Int?] {
        (0..<header.count).map { column in
            let name = header[column].bytes
            return fields.firstIndex { Self.equal(name, $0.nameBytes) }
        }
    }

    /// Encodes one CSV data row; `columns` comes from `columns(forHeader:)`.
    mutating func encode(csvRow row: CSVRow, columns: [Int?]) throws {
        line.reset()
        line.appendBytes(recordPrefix)
        recordKey.removeAll(keepingCapacity: true)
        var first = true
        for (column, fieldIndex) in columns.enumerated() {
            guard let fieldIndex else { continue }
            if !first { line.appendRaw(",") }
            first = false
            line.appendBytes(fields[fieldIndex].memberPrefix)
            guard column < row.count else {
                line.appendRaw("null")  // a short row: the missing fields are null
                continue
            }
            try writeCSVValue(row[column].bytes, field: fieldIndex, source: "Bulk CSV row \(row.number)")
        }
        line.appendBytes(recordSuffix)
        noteRecordKey()
    }

    /// Types one text value (Bulk CSV, or a REST string in a typed field). Empty text is null
    /// for every kind: Bulk writes null and "" the same way.
    private mutating func writeCSVValue(_ text: UnsafeRawBufferPointer, field index: Int, source: @autoclosure () -> String) throws {
        guard !text.isEmpty else {
            line.appendRaw("null")
            return
        }
        let kind = fields[index].kind
        switch kind {
        case .string, .compound:
            line.writeString(utf8: text)
            if index == replicationKeyIndex { recordKey = Array(text) }
        case .boolean:
            switch Self.boolean(text) {
            case true?: line.appendRaw("true")
            case false?: line.appendRaw("false")
            case nil: throw invalid(text, field: index, expected: "true or false", source: source())
            }
        case .integer:
            guard let integerLength = NumberText.integerPrefixLength(text) else {
                throw invalid(text, field: index, expected: "an integer", source: source())
            }
            line.appendBytes(UnsafeRawBufferPointer(rebasing: text[0..<integerLength]))
        case .number:
            guard NumberText.isJSONNumber(text) else { throw invalid(text, field: index, expected: "a number", source: source()) }
            line.appendBytes(text)
        case .dateTime, .date:
            guard normalize(text, kind: kind) else {
                throw invalid(text, field: index, expected: kind == .date ? "a date" : "a datetime", source: source())
            }
            line.appendRaw("\"")
            line.appendBytes(scratch)
            line.appendRaw("\"")
            if index == replicationKeyIndex { recordKey = scratch }
        case .untyped:
            // The Python tap's fix_record_anytype: a number, then true/false, else the text.
            if NumberText.isJSONNumber(text) {
                line.appendBytes(text)
            } else if let flag = Self.boolean(text), text.count > 1 {
                line.appendRaw(flag ? "true" : "false")
            } else {
                line.writeString(utf8: text)
            }
        }
    }

    // MARK: - Helpers

    private mutating func normalize(_ text: UnsafeRawBufferPointer, kind: FieldKind) -> Bool {
        kind == .date
            ? TimestampText.normalizeDate(text, into: &scratch) : TimestampText.normalizeDateTime(text, into: &scratch)
    }

    private mutating func noteRecordKey() {
        guard !recordKey.isEmpty else { return }
        if highestKey.isEmpty || Self.compare(recordKey, highestKey) > 0 {
            highestKey.removeAll(keepingCapacity: true)
            highestKey.append(contentsOf: recordKey)
        }
    }

    private static func boolean(_ text: UnsafeRawBufferPointer) -> Bool? {
        switch text.count {
        case 4 where (text[0] | 0x20) == UInt8(ascii: "t") && (text[1] | 0x20) == UInt8(ascii: "r")
            && (text[2] | 0x20) == UInt8(ascii: "u") && (text[3] | 0x20) == UInt8(ascii: "e"):
            return true
        case 5 where (text[0] | 0x20) == UInt8(ascii: "f") && (text[1] | 0x20) == UInt8(ascii: "a")
            && (text[2] | 0x20) == UInt8(ascii: "l") && (text[3] | 0x20) == UInt8(ascii: "s")
            && (text[4] | 0x20) == UInt8(ascii: "e"):
            return false
        default:
            return nil
        }
    }

    private func invalid(_ text: UnsafeRawBufferPointer, field index: Int, expected: String, source: String) -> SyncError {
        .invalidValue(
            stream: stream, field: fields[index].name, value: String(decoding: text, as: UTF8.self), expected: expected,
            source: source)
    }

    private func invalid(_ text: String, field index: Int, expected: String) -> SyncError {
        .invalidValue(stream: stream, field: fields[index].name, value: text, expected: expected, source: "REST")
    }

    static let attributesName = Array("attributes".utf8)

    @inline(__always)
    static func equal(_ raw: UnsafeRawBufferPointer, _ name: [UInt8]) -> Bool {
        guard raw.count == name.count else { return false }
        guard raw.count > 0 else { return true }
        return name.withUnsafeBytes { memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }
    }

    /// Byte-wise order; normalised timestamps have one width, so it is time order.
    static func compare(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        let common = min(lhs.count, rhs.count)
        guard common > 0 else { return lhs.count - rhs.count }
        let result = lhs.withUnsafeBytes { left in rhs.withUnsafeBytes { right in memcmp(left.baseAddress!, right.baseAddress!, common) } }
        if result != 0 { return Int(result) }
        return lhs.count - rhs.count
    }
}
