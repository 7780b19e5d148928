import SalesforceSandbox
import SandboxKit
import Singer
import Testing

@Suite("Changes between syncs")
struct ChangeTests {
    static let frozen: Int64 = 1_780_000_000_123

    @Test func sameSeedAndRoundGiveTheSameChanges() async throws {
        let options = SalesforceSandboxOptions(seed: 21, records: 400, clock: .fixed(milliseconds: Self.frozen))
        let first = try await SalesforceSandbox.start(options: options)
        let second = try await SalesforceSandbox.start(options: options)
        let summaryA = first.applyChanges()
        let summaryB = second.applyChanges()
        #expect(summaryA == summaryB)
        #expect(summaryA.updated["Opportunity"] == 4)
        #expect(summaryA.deleted["Opportunity"] == 1)
        #expect(summaryA.inserted["Opportunity"] == 1)
        for object in ["Opportunity", "Account", "Task"] {
            #expect(first.store.records(of: object, includeDeleted: true) == second.store.records(of: object, includeDeleted: true))
        }
        await first.stop()
        await second.stop()
    }

    @Test func changedRowsCarryNowAsSystemModstampAndAreFoundIncrementally() async throws {
        let options = SalesforceSandboxOptions(seed: 21, records: 400, clock: .fixed(milliseconds: Self.frozen))
        try await withSandbox(options) { client in
            let token = try await client.login()
            let before = client.sandbox.store.records(of: "Opportunity", includeDeleted: true)
            let reply = try await client.send(.post, "/_sandbox/changes")
            #expect(reply.status == 200)
            #expect(reply.json["round"]?.intValue == 1)
            let after = client.sandbox.store.records(of: "Opportunity", includeDeleted: true)
            #expect(after.count == before.count + 1)
            let stamp = "2026-05-28T20:26:40.123+0000"
            let changed = after.filter { $0["SystemModstamp"]?.stringValue == stamp }
            #expect(changed.count == 6)
            #expect(changed.filter { $0["IsDeleted"]?.boolValue == true }.count == 1)
            for record in changed where record["IsDeleted"]?.boolValue == false {
                let stage = record["StageName"]?.stringValue
                #expect(record["IsWon"]?.boolValue == (stage == "Closed Won"))
                #expect(record["IsClosed"]?.boolValue == (stage == "Closed Won" || stage == "Closed Lost"))
            }
            let incremental = try await client.queryAllPages("SELECT Id, IsDeleted FROM Opportunity WHERE SystemModstamp >= 2026-05-28T20:26:40Z", token: token, all: true)
            #expect(Set(incremental.records.compactMap { $0["Id"]?.stringValue }) == Set(changed.compactMap { $0["Id"]?.stringValue }))
            let live = try await client.queryAllPages("SELECT Id FROM Opportunity WHERE SystemModstamp >= 2026-05-28T20:26:40Z", token: token)
            #expect(live.records.count == 5)
            let stats = try await client.send(.get, "/_sandbox/stats")
            #expect(stats.json["rows"]?["Opportunity"]?.intValue == after.count)
            #expect((stats.json["counters"]?["queries"]?.intValue ?? 0) >= 2)
        }
    }
}
