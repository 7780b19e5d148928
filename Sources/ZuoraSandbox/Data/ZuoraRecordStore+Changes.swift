import SandboxKit

/// What one change round did, per object.
public struct ZuoraChangeSummary: Sendable, Hashable {
    /// The round's number (1, 2, …).
    public var round: Int
    /// The `UpdatedDate` every touched row got, seconds since the epoch.
    public var updatedDate: Int64
    public var updated: [String: Int]
    public var deleted: [String: Int]
    public var inserted: [String: Int]
}

extension ZuoraRecordStore {
    /// The text field an update round rewrites, per object.
    static let changedTextField = ["Account": "Notes", "Subscription": "Notes", "Invoice": "Comments", "RatePlanCharge": "Name"]

    /// One deterministic round of changes stamped `now` (seconds): about 3 % of Accounts,
    /// Subscriptions, Invoices and RatePlanCharges updated, a few Payments and Contacts
    /// soft-deleted, two Contacts inserted. The same seed and round give the same changes.
    func applyChanges(now seconds: Int64) -> ZuoraChangeSummary {
        state.withLock { state in
            state.round += 1
            let round = state.round
            var random = SeededRandom(seed: seed, purpose: "zuora-changes-\(round)")
            var summary = ZuoraChangeSummary(round: round, updatedDate: seconds, updated: [:], deleted: [:], inserted: [:])
            func touch(_ table: inout ZuoraTable, _ row: Int) {
                if let index = table.updatedIndex { table.rows[row].values[index] = .dateTime(seconds) }
                table.rows[row].round = round
            }
            for name in ["Account", "Subscription", "Invoice", "RatePlanCharge"] {
                guard var table = state.tables[name], !table.rows.isEmpty else { continue }
                let count = max(1, table.rows.count * 3 / 100)
                var changed = Set<Int>()
                for _ in 0..<count {
                    let row = Int.random(in: 0..<table.rows.count, using: &random)
                    guard !table.rows[row].isDeleted, changed.insert(row).inserted else { continue }
                    touch(&table, row)
                    if let field = Self.changedTextField[name], let index = table.object.fieldIndex(field) {
                        table.rows[row].values[index] = .text("Changed in round \(round), \"again\"")
                    }
                }
                summary.updated[name] = changed.count
                state.tables[name] = table
            }
            for name in ["Payment", "Contact"] {
                guard var table = state.tables[name], !table.rows.isEmpty else { continue }
                var removed = 0
                for _ in 0..<max(1, table.rows.count / 100) {
                    let row = Int.random(in: 0..<table.rows.count, using: &random)
                    guard !table.rows[row].isDeleted else { continue }
                    table.rows[row].isDeleted = true
                    touch(&table, row)
                    removed += 1
                }
                summary.deleted[name] = removed
                state.tables[name] = table
            }
            if var contacts = state.tables["Contact"], let accounts = state.tables["Account"], !accounts.rows.isEmpty {
                for number in 0..<2 {
                    let account = accounts.rows[Int.random(in: 0..<accounts.rows.count, using: &random)]
                    var values = [ZuoraValue](repeating: .null, count: contacts.object.fields.count)
                    func set(_ field: String, _ value: ZuoraValue) { if let index = contacts.object.fieldIndex(field) { values[index] = value } }
                    set("Id", .text(ZuoraID.make(kind: 0xC0 + round % 0x3F, number: number + 1)))
                    set("AccountId", account.values[accounts.idIndex])
                    set("FirstName", .text("Nouveau"))
                    set("LastName", .text("Contact \(round)-\(number)"))
                    set("WorkEmail", .text("new\(round)-\(number)@example.com"))
                    set("Description", .text("Added in round \(round), with a comma"))
                    set("CreatedById", .text(BillingGenerator.userID))
                    set("UpdatedById", .text(BillingGenerator.userID))
                    set("CreatedDate", .dateTime(seconds))
                    set("UpdatedDate", .dateTime(seconds))
                    contacts.append(ZuoraRecord(values: values, round: round))
                }
                summary.inserted["Contact"] = 2
                state.tables["Contact"] = contacts
            }
            return summary
        }
    }
}
