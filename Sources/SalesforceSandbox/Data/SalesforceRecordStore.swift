import Foundation
import SandboxKit
import Singer
import Synchronization

/// The org's data: each object's rows generated on first use (so a million Opportunities
/// cost nothing until someone reads them), kept as pre-rendered JSON fragments, with CSV
/// fragments derived on first Bulk use. Changes re-render only the rows they touch.
///
/// ```swift
/// let rows = sandbox.store.records(of: "Opportunity", includeDeleted: true)
/// rows[0]["StageName"]   // .string("Closed Won")
/// ```
public final class SalesforceRecordStore: Sendable {
    struct ObjectData: Sendable {
        var json: RecordTable
        var csv: RecordTable?
    }

    struct State: Sendable {
        var objects: [String: ObjectData] = [:]
        var changeRounds = 0
    }

    let schema: OrgSchema
    let context: GenerationContext
    let state = Mutex(State())
    /// Serialises generation, which runs outside `state`'s lock so requests for objects
    /// already generated never wait for a large one being built.
    private let generationLock = NSLock()

    init(schema: OrgSchema, seed: UInt64, opportunities: Int) {
        self.schema = schema
        context = GenerationContext(seed: seed, opportunities: opportunities, schema: schema)
    }

    /// A snapshot of `object`'s JSON rows (generating them on first use). Snapshots are
    /// values: later changes do not move under a reader.
    func table(for object: ObjectDefinition) -> RecordTable {
        ensureGenerated(object)
        return state.withLock { state in Self.data(for: object, in: &state, context: context).json }
    }

    /// Generates `object`'s rows unless they exist (at most one generation at a time).
    func ensureGenerated(_ object: ObjectDefinition) {
        if state.withLock({ $0.objects[object.name] != nil }) { return }
        generationLock.lock()
        defer { generationLock.unlock() }
        if state.withLock({ $0.objects[object.name] != nil }) { return }
        let table = Self.generate(object, context: context)
        state.withLock { state in
            if state.objects[object.name] == nil { state.objects[object.name] = ObjectData(json: table) }
        }
    }

    /// Generates the named objects now (in the background at start-up, so the first query
    /// of a large org does not wait for it).
    public func prepare(_ objectNames: [String]) {
        for name in objectNames {
            if let object = schema.object(named: name), object.queryable { ensureGenerated(object) }
        }
    }

    /// A snapshot of `object`'s CSV rows.
    func csvTable(for object: ObjectDefinition) -> RecordTable {
        ensureGenerated(object)
        return state.withLock { state in
            var data = Self.data(for: object, in: &state, context: context)
            if let csv = data.csv { return csv }
            let csv = Self.csv(from: data.json, object: object)
            data.csv = csv
            state.objects[object.name] = data
            return csv
        }
    }

    /// The rows of `object` as REST would return every field (without `attributes`), in
    /// row order; soft-deleted rows only when `includeDeleted`. Empty for unknown objects.
    public func records(of objectName: String, includeDeleted: Bool) -> [JSONObject] {
        guard let object = schema.object(named: objectName), object.queryable else { return [] }
        let table = table(for: object)
        let deletedField = object.position(of: "IsDeleted")
        var parser = JSONParser()
        var result: [JSONObject] = []
        result.reserveCapacity(table.count)
        for row in 0..<table.count {
            if !includeDeleted, let deletedField, table.fragment(row: row, field: deletedField).elementsEqual("true".utf8) { continue }
            var record = JSONObject()
            record.reserveCapacity(object.fields.count)
            for (position, field) in object.fields.enumerated() {
                let value = (try? parser.parse(Array(table.fragment(row: row, field: position)))) ?? .null
                record.append(key: field.name, value: value)
            }
            result.append(record)
        }
        return result
    }

    /// How many rows `object` holds, deleted ones included (generating it if needed).
    public func rowCount(of objectName: String) -> Int {
        guard let object = schema.object(named: objectName), object.queryable else { return 0 }
        return table(for: object).count
    }

    /// Objects generated so far and their row counts.
    var generatedCounts: [String: Int] {
        state.withLock { $0.objects.mapValues(\.json.count) }
    }

    private static func data(for object: ObjectDefinition, in state: inout State, context: GenerationContext) -> ObjectData {
        if let data = state.objects[object.name] { return data }
        let data = ObjectData(json: generate(object, context: context))
        state.objects[object.name] = data
        return data
    }

    static func generate(_ object: ObjectDefinition, context: GenerationContext) -> RecordTable {
        let rows = object.rowCount(context.opportunities)
        var table = RecordTable(fieldCount: object.fields.count, expectedRows: rows, bytesPerRow: object.fields.count * 20)
        for index in 0..<rows {
            let (bytes, ends) = generateRow(object, index: index, context: context).rendered()
            table.append(bytes: bytes, ends: ends)
        }
        return table
    }

    static func generateRow(_ object: ObjectDefinition, index: Int, context: GenerationContext) -> RowBuilder {
        var random = context.random(for: object.name, row: index)
        var row = RowBuilder(object: object)
        row["Id"] = .text(context.id(object.name, index))
        SalesRows.fill(&row, index: index, context: context, random: &random)
        row.assembleCompounds()
        return row
    }

    static func csv(from json: RecordTable, object: ObjectDefinition) -> RecordTable {
        var table = RecordTable(fieldCount: json.fieldCount, expectedRows: json.count, bytesPerRow: object.fields.count * 20)
        var bytes: [UInt8] = []
        var ends: [UInt32] = []
        for row in 0..<json.count {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            for (position, type) in object.fieldTypes.enumerated() {
                CSVFragment.convert(json.fragment(row: row, field: position), type: type, into: &bytes)
                ends.append(UInt32(bytes.count))
            }
            table.append(bytes: bytes, ends: ends)
        }
        return table
    }
}
