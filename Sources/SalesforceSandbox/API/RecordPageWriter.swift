import Hummingbird

/// Assembles REST query pages and Bulk CSV pages by copying pre-rendered fragments from a
/// ``RecordTable`` arena: no per-record encoding at request time.
struct RecordPageWriter {
    let object: ObjectDefinition
    let fields: [Int]

    /// `{"totalSize":…,"done":…,"nextRecordsUrl":…,"records":[…]}` for `rows`.
    func jsonPage(table: RecordTable, rows: ArraySlice<Int32>, totalSize: Int, nextRecordsURL: String?, version: String) -> ByteBuffer {
        let attributesPrefix = Array("{\"attributes\":{\"type\":\"\(object.name)\",\"url\":\"/services/data/\(version)/sobjects/\(object.name)/".utf8)
        let attributesSuffix = Array("\"}".utf8)
        let keys = fields.map { Array(",\"\(object.fields[$0].name)\":".utf8) }
        var head = "{\"totalSize\":\(totalSize),\"done\":\(nextRecordsURL == nil)"
        if let nextRecordsURL { head += ",\"nextRecordsUrl\":\"\(nextRecordsURL)\"" }
        head += ",\"records\":["
        var estimate = head.utf8.count + 2
        for row in rows {
            let start = table.range(row: Int(row), field: 0).lowerBound
            let end = table.range(row: Int(row), field: object.fields.count - 1).upperBound
            estimate += end - start + attributesPrefix.count + 40 + keys.reduce(0) { $0 + $1.count }
        }
        var buffer = ByteBufferAllocator().buffer(capacity: estimate)
        buffer.writeString(head)
        table.arena.withUnsafeBufferPointer { arena in
            for (position, row) in rows.enumerated() {
                if position > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
                buffer.writeBytes(attributesPrefix)
                let id = table.range(row: Int(row), field: 0)
                buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: arena[id.lowerBound + 1..<id.upperBound - 1])))
                buffer.writeBytes(attributesSuffix)
                for (index, field) in fields.enumerated() {
                    buffer.writeBytes(keys[index])
                    buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: arena[table.range(row: Int(row), field: field)])))
                }
                buffer.writeInteger(UInt8(ascii: "}"))
            }
        }
        buffer.writeString("]}")
        return buffer
    }

    /// The CSV header row.
    func csvHeader(delimiter: UInt8, lineEnding: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(delimiter) }
            bytes += Array("\"\(object.fields[field].name)\"".utf8)
        }
        return bytes + lineEnding
    }

    /// CSV lines for `rows` (no header).
    func csvRows(table: RecordTable, rows: ArraySlice<Int32>, delimiter: UInt8, lineEnding: [UInt8]) -> ByteBuffer {
        var estimate = 0
        for row in rows {
            estimate += table.range(row: Int(row), field: object.fields.count - 1).upperBound - table.range(row: Int(row), field: 0).lowerBound + fields.count + 2
        }
        var buffer = ByteBufferAllocator().buffer(capacity: estimate)
        table.arena.withUnsafeBufferPointer { arena in
            for row in rows {
                for (index, field) in fields.enumerated() {
                    if index > 0 { buffer.writeInteger(delimiter) }
                    buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: arena[table.range(row: Int(row), field: field)])))
                }
                buffer.writeBytes(lineEnding)
            }
        }
        return buffer
    }

    /// Exact byte count of the CSV lines for `rows`.
    func csvLength(table: RecordTable, rows: ArraySlice<Int32>, lineEnding: Int) -> Int {
        var total = 0
        for row in rows {
            for field in fields { total += table.range(row: Int(row), field: field).count }
            total += max(0, fields.count - 1) + lineEnding
        }
        return total
    }
}
