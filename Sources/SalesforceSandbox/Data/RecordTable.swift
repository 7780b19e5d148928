/// An object's rows as pre-rendered field fragments (JSON or CSV text), all in one byte
/// arena: pages are assembled by copying slices, and a million rows cost bytes, not
/// dictionaries.
///
/// Each row's fragments are contiguous; `fieldEnds` holds, per row and field, the end of
/// the field's fragment relative to the row's start. Changing a row appends its new
/// fragments and repoints the row, so earlier readers' ranges never move under them.
struct RecordTable: Sendable {
    let fieldCount: Int
    private(set) var arena: [UInt8] = []
    private(set) var rowStarts: [Int] = []
    private(set) var fieldEnds: [UInt32] = []

    init(fieldCount: Int, expectedRows: Int = 0, bytesPerRow: Int = 0) {
        self.fieldCount = fieldCount
        arena.reserveCapacity(expectedRows * bytesPerRow)
        rowStarts.reserveCapacity(expectedRows)
        fieldEnds.reserveCapacity(expectedRows * fieldCount)
    }

    var count: Int { rowStarts.count }

    /// Appends a row rendered into `bytes` with `ends[i]` = end of field i in `bytes`.
    mutating func append(bytes: [UInt8], ends: [UInt32]) {
        rowStarts.append(arena.count)
        arena += bytes
        fieldEnds += ends
    }

    /// Points row `row` at freshly appended fragments.
    mutating func replace(row: Int, bytes: [UInt8], ends: [UInt32]) {
        rowStarts[row] = arena.count
        arena += bytes
        fieldEnds.replaceSubrange(row * fieldCount..<(row + 1) * fieldCount, with: ends)
    }

    /// The arena range of field `field` in row `row`.
    @inline(__always)
    func range(row: Int, field: Int) -> Range<Int> {
        let start = rowStarts[row]
        let base = row * fieldCount
        let lower = field == 0 ? 0 : Int(fieldEnds[base + field - 1])
        return start + lower..<start + Int(fieldEnds[base + field])
    }

    /// The fragment bytes of one field (copies; for tests and changes, not pages).
    func fragment(row: Int, field: Int) -> ArraySlice<UInt8> {
        arena[range(row: row, field: field)]
    }

    /// All fragments of a row with their relative ends, to re-render a few fields.
    func rowFragments(_ row: Int) -> [[UInt8]] {
        (0..<fieldCount).map { Array(fragment(row: row, field: $0)) }
    }
}

extension RecordTable {
    /// Joins per-field fragments into the `(bytes, ends)` form `append` takes.
    static func pack(_ fragments: [[UInt8]]) -> (bytes: [UInt8], ends: [UInt32]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fragments.reduce(0) { $0 + $1.count })
        var ends: [UInt32] = []
        ends.reserveCapacity(fragments.count)
        for fragment in fragments {
            bytes += fragment
            ends.append(UInt32(bytes.count))
        }
        return (bytes, ends)
    }
}
