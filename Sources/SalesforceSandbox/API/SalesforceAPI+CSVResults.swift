import Hummingbird
import SandboxKit

/// Bulk CSV results, shared by Bulk 2.0 result pages and Bulk 1.0 result files: a quoted
/// header row, then the rows' pre-rendered CSV fragments, streamed in chunks of 5,000 rows.
extension SalesforceAPI {
    func csvResults(
        query: CompiledQuery, rows: ArraySlice<Int32>, delimiter: UInt8 = UInt8(ascii: ","), lineEnding: [UInt8] = [0x0A],
        headers: [(name: String, value: String)] = []
    ) -> SandboxResponse {
        let table = store.csvTable(for: query.object)
        let writer = RecordPageWriter(object: query.object, fields: query.fields)
        let header = writer.csvHeader(delimiter: delimiter, lineEnding: lineEnding)
        let length = header.count + writer.csvLength(table: table, rows: rows, lineEnding: lineEnding.count)
        let chunkRows = 5_000
        let body = SandboxResponse.Body.chunks(contentLength: length) { index in
            if index == 0 {
                var buffer = ByteBufferAllocator().buffer(capacity: header.count)
                buffer.writeBytes(header)
                return buffer
            }
            let start = rows.startIndex + (index - 1) * chunkRows
            guard start < rows.endIndex else { return nil }
            return writer.csvRows(table: table, rows: rows[start..<min(rows.endIndex, start + chunkRows)], delimiter: delimiter, lineEnding: lineEnding)
        }
        counters.increment(SalesforceCounter.bulkResultPages)
        counters.increment(SalesforceCounter.recordsServed, by: rows.count)
        var response = SandboxResponse(status: 200, headers: [("Content-Type", "text/csv; charset=UTF-8")] + headers, body: body)
        response.markAsRecords()
        return response
    }
}
