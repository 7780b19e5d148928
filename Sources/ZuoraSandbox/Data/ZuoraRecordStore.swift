import SandboxKit
import Synchronization

/// The tenant's data: one table per object, generated from the seed, changed by rounds.
/// Thread-safe; queries read a consistent snapshot.
public final class ZuoraRecordStore: Sendable {
    /// The schema the tables follow.
    public let schema: ZuoraSchema
    let seed: UInt64
    let state: Mutex<State>

    struct State: Sendable {
        var tables: [String: ZuoraTable]
        var round = 0
    }

    init(schema: ZuoraSchema, seed: UInt64, accounts: Int) {
        self.schema = schema
        self.seed = seed
        var generator = BillingGenerator(schema: schema, seed: seed)
        generator.generate(accounts: accounts)
        state = Mutex(State(tables: generator.tables))
    }

    /// Field names of `object` in describe order.
    public func fieldNames(of object: String) -> [String] {
        schema.object(object)?.fields.map(\.name) ?? []
    }

    /// The rows of `object` (ground truth for tests); deleted rows only when asked.
    public func records(of object: String, includeDeleted: Bool = false) -> [ZuoraRecord] {
        let name = schema.object(object)?.name ?? object
        return state.withLock { state in
            let rows = state.tables[name]?.rows ?? []
            return includeDeleted ? rows : rows.filter { !$0.isDeleted }
        }
    }

    /// One row of `object` as `[field: value]`.
    public func record(of object: String, id: String) -> [String: ZuoraValue]? {
        guard let definition = schema.object(object) else { return nil }
        return state.withLock { state in
            guard let row = state.tables[definition.name]?.record(id: id) else { return nil }
            return Dictionary(uniqueKeysWithValues: zip(definition.fields.map(\.name), row.values))
        }
    }

    /// Row counts per object, deleted rows excluded.
    public var counts: [String: Int] {
        state.withLock { state in state.tables.mapValues { $0.rows.lazy.filter { !$0.isDeleted }.count } }
    }

    /// The current change round (0 before any change).
    public var round: Int { state.withLock { $0.round } }

    /// Reads the tables under the lock.
    func withTables<Result>(_ body: ([String: ZuoraTable], Int) throws -> Result) rethrows -> Result {
        try state.withLock { state in try body(state.tables, state.round) }
    }
}
