import SandboxKit

/// What one ``SalesforceSandbox/applyChanges()`` round did, per object.
public struct SalesforceChangeSummary: Sendable, Hashable {
    /// The round number, from 1.
    public var round: Int
    /// The SystemModstamp every changed row got, in milliseconds since the epoch.
    public var timestampMilliseconds: Int64
    /// Rows updated per object (Opportunity stage moves, renamed accounts…).
    public var updated: [String: Int]
    /// Rows soft-deleted per object (IsDeleted = true, visible through queryAll only).
    public var deleted: [String: Int]
    /// Rows inserted per object.
    public var inserted: [String: Int]
}

extension SalesforceRecordStore {
    /// Objects that change between syncs.
    static let changingObjects = ["Account", "Contact", "Lead", "Opportunity", "Task", "Case", "Invoice__c"]

    /// Applies one deterministic round of changes stamped `now`: in each changing object about
    /// 1 % of rows are updated, a quarter as many soft-deleted and as many inserted. The rows
    /// and values chosen follow from the seed and the round number only.
    func applyChanges(now: Int64) -> SalesforceChangeSummary {
        prepare(Self.changingObjects)
        return state.withLock { state in
            state.changeRounds += 1
            let round = state.changeRounds
            var summary = SalesforceChangeSummary(round: round, timestampMilliseconds: now, updated: [:], deleted: [:], inserted: [:])
            for name in Self.changingObjects {
                guard let object = schema.object(named: name) else { continue }
                if state.objects[name] == nil {
                    state.objects[name] = ObjectData(json: Self.generate(object, context: context))
                }
                guard var data = state.objects[name] else { continue }
                var random = SeededRandom(seed: context.seed, purpose: "changes/\(name)/\(round)")
                let counts = change(&data.json, object: object, now: now, random: &random)
                data.csv = nil
                state.objects[name] = data
                summary.updated[name] = counts.updated
                summary.deleted[name] = counts.deleted
                summary.inserted[name] = counts.inserted
            }
            return summary
        }
    }

    private func change(_ table: inout RecordTable, object: ObjectDefinition, now: Int64, random: inout SeededRandom)
        -> (updated: Int, deleted: Int, inserted: Int)
    {
        let deletedField = object.position(of: "IsDeleted")
        func isDeleted(_ row: Int) -> Bool {
            guard let deletedField else { return false }
            return table.fragment(row: row, field: deletedField).elementsEqual("true".utf8)
        }
        let changes = max(1, table.count / 100)
        let removals = max(1, changes / 4)
        var touched = Set<Int>()
        var updated = 0, deleted = 0
        var attempts = 0
        while updated + deleted < changes + removals, attempts < (changes + removals) * 20, table.count > 0 {
            attempts += 1
            let row = Int.random(in: 0..<table.count, using: &random)
            guard !touched.contains(row), !isDeleted(row) else { continue }
            touched.insert(row)
            var patch: [String: FieldValue] = [
                "LastModifiedDate": .dateTime(now), "SystemModstamp": .dateTime(now),
                "LastModifiedById": context.randomID("User", &random),
            ]
            if updated < changes {
                patch.merge(updatePatch(object: object, row: row, random: &random)) { $1 }
                updated += 1
            } else {
                patch["IsDeleted"] = .bool(true)
                deleted += 1
            }
            var fragments = table.rowFragments(row)
            for (name, value) in patch {
                guard let position = object.position(of: name) else { continue }
                var bytes: [UInt8] = []
                JSONFragment.render(value, type: object.fields[position].type, into: &bytes)
                fragments[position] = bytes
            }
            let packed = RecordTable.pack(fragments)
            table.replace(row: row, bytes: packed.bytes, ends: packed.ends)
        }
        let inserts = removals
        for offset in 0..<inserts {
            let index = table.count
            var row = Self.generateRow(object, index: index + offset * 0, context: context)
            row.audit(created: now, modified: now, stamp: now, creator: context.randomID("User", &random), modifier: context.randomID("User", &random))
            row["IsDeleted"] = .bool(false)
            row["Name"] = object.name == "Opportunity" ? .text("New deal \(index) – Upsell") : row["Name"]
            let rendered = row.rendered()
            table.append(bytes: rendered.bytes, ends: rendered.ends)
        }
        return (updated, deleted, inserts)
    }

    private func updatePatch(object: ObjectDefinition, row: Int, random: inout SeededRandom) -> [String: FieldValue] {
        switch object.name {
        case "Opportunity":
            var builder = RowBuilder(object: object)
            builder["Amount"] = SalesRows.amount(&random)
            SalesRows.applyStage(Int.random(in: 0..<OrgSchema.stages.count, using: &random), to: &builder)
            var patch: [String: FieldValue] = [:]
            for name in ["Amount", "StageName", "Probability", "IsClosed", "IsWon", "ForecastCategory", "ForecastCategoryName", "ExpectedRevenue"] {
                patch[name] = builder[name]
            }
            return patch
        case "Account":
            return ["Rating": .text(random.pick(["Hot", "Warm", "Cold"]) ?? "Warm"), "NumberOfEmployees": .int(Int64.random(in: 1...100_000, using: &random))]
        case "Task":
            return ["Status": .text("Completed"), "IsClosed": .bool(true)]
        case "Case":
            return ["Status": .text("Closed"), "IsClosed": .bool(true)]
        case "Invoice__c":
            return ["Status__c": .text("Paid"), "Paid__c": .bool(true)]
        default:
            return ["Title": .text("Updated title \(row)")]
        }
    }
}
