import SandboxKit

/// What every row generator needs: the seed, the org's size, ID minting for any object (IDs
/// follow from object and row number alone, so references are valid without generating the
/// target first) and the historical time range seeded data falls in.
struct GenerationContext: Sendable {
    let seed: UInt64
    let opportunities: Int
    let schema: OrgSchema
    /// Per object: key prefix, ID number offset and row count, computed once (generators ask
    /// for them millions of times).
    private let objects: [String: (prefix: String, offset: Int, rows: Int)]

    init(seed: UInt64, opportunities: Int, schema: OrgSchema) {
        self.seed = seed
        self.opportunities = opportunities
        self.schema = schema
        var objects: [String: (prefix: String, offset: Int, rows: Int)] = [:]
        for object in schema.objects {
            let offset = Int(SeededRandom.stableHash("\(seed)/\(object.name)") % 50_000) * 1_000_000
            objects[object.name] = (object.keyPrefix ?? "000", offset, object.rowCount(opportunities))
        }
        self.objects = objects
    }

    /// 2023-01-01T00:00:00.000Z.
    static let historyStart: Int64 = 1_672_531_200_000
    /// 2025-12-31T23:59:59.999Z.
    static let historyEnd: Int64 = 1_767_225_599_999
    /// The SystemModstamp a block of Opportunities shares (a mass update), 2025-06-30T12:00:00Z.
    static let sharedStamp: Int64 = 1_751_284_800_000
    static let day: Int64 = 86_400_000

    /// Rows seeded for `object` (0 for unknown objects).
    func count(_ object: String) -> Int {
        objects[object]?.rows ?? 0
    }

    /// The Opportunity rows (from `sharedStampBlock.lowerBound`) that share ``sharedStamp``:
    /// up to 2,500, enough to span REST pages.
    var sharedStampBlock: Range<Int> {
        let size = min(2_500, opportunities / 4)
        let start = opportunities / 3
        return start..<start + size
    }

    /// The ID of row `index` of `object`.
    func id(_ object: String, _ index: Int) -> String {
        let entry = objects[object] ?? ("000", 0, 0)
        return SalesforceID.make(prefix: entry.prefix, number: entry.offset + index + 1)
    }

    /// A random existing row's ID of `object`, or null when it has no rows.
    func randomID(_ object: String, _ random: inout SeededRandom) -> FieldValue {
        let rows = count(object)
        guard rows > 0 else { return .null }
        return .text(id(object, Int.random(in: 0..<rows, using: &random)))
    }

    /// A random moment in `range` (milliseconds).
    func moment(_ random: inout SeededRandom, from lower: Int64 = historyStart, to upper: Int64 = historyEnd) -> Int64 {
        guard upper > lower else { return lower }
        return Int64.random(in: lower...upper, using: &random)
    }

    /// The generator for row `index` of `object`: independent of every other row.
    func random(for object: String, row index: Int) -> SeededRandom {
        SeededRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ SeededRandom.stableHash(object) ^ UInt64(index) &* 0xD6E8_FEB8_6659_FD93)
    }

    /// Days since the epoch of a millisecond moment.
    static func days(_ milliseconds: Int64) -> Int { Int(milliseconds / day) }
}
