import SandboxKit

/// Builds a consistent billing tenant from a seed: products → rate plans → charges; accounts
/// with contacts, subscriptions → rate plans → charges (MRR, TCV), amendments, invoices →
/// items, payments, refunds and credit balance adjustments; with edge cases (unicode, quoted
/// commas and newlines, many-decimal and negative amounts, shared `UpdatedDate` at a boundary).
struct BillingGenerator {
    let schema: ZuoraSchema
    var tables: [String: ZuoraTable] = [:]
    var random: SeededRandom
    var serials: [String: Int] = [:]

    /// Generated data starts here (2024-01-01T00:00:00Z) and spans about 18 months.
    static let epoch: Int64 = 1_704_067_200
    /// Several rows of every object share exactly this `UpdatedDate` (2024-07-01T00:00:00Z).
    static let boundary: Int64 = 1_719_792_000
    static let userID = ZuoraID.make(kind: 0xFE, number: 1)

    init(schema: ZuoraSchema, seed: UInt64) {
        self.schema = schema
        random = SeededRandom(seed: seed, purpose: "zuora-data")
        for object in schema.objects { tables[object.name] = ZuoraTable(object: object) }
    }

    /// The next id of `object` (kind = its position in the schema).
    mutating func nextID(_ object: String) -> String {
        let number = serials[object, default: 0] + 1
        serials[object] = number
        let kind = (schema.objects.firstIndex { $0.name == object } ?? 0) + 1
        return ZuoraID.make(kind: kind, number: number)
    }

    /// Created/updated stamps; every 13th row of an object is updated exactly at ``boundary``.
    mutating func stamps(_ object: String, after earliest: Int64 = epoch) -> (created: Int64, updated: Int64) {
        var created = max(earliest, Self.epoch + Int64.random(in: 0..<(540 * 86_400), using: &random))
        var updated = created + Int64.random(in: 0..<(40 * 86_400), using: &random)
        if serials[object, default: 0] % 13 == 5 {
            updated = Self.boundary
            created = min(created, Self.boundary - 3_600)
        }
        return (created, updated)
    }

    /// Appends a row, filling system fields; returns nothing (ids are chosen by the caller).
    mutating func insert(_ object: String, id: String, stamps: (created: Int64, updated: Int64), _ values: [String: ZuoraValue]) {
        guard let definition = tables[object]?.object else { return }
        var row = [ZuoraValue](repeating: .null, count: definition.fields.count)
        for (index, field) in definition.fields.enumerated() {
            switch field.name {
            case "Id": row[index] = .text(id)
            case "CreatedById", "UpdatedById": row[index] = .text(Self.userID)
            case "CreatedDate": row[index] = .dateTime(stamps.created)
            case "UpdatedDate": row[index] = .dateTime(stamps.updated)
            default: row[index] = values[field.name] ?? .null
            }
        }
        // Mutated in place: copying the table out and back would make generation quadratic.
        tables[object]?.append(ZuoraRecord(values: row))
    }

    static func date(_ seconds: Int64) -> ZuoraValue { .date(CivilTime.dateText(days: Int(CivilTime.floorDiv(seconds, 86_400)))) }

    mutating func generate(accounts: Int) {
        let catalog = generateCatalog()
        for index in 0..<accounts { generateAccount(index, catalog: catalog) }
    }
}
