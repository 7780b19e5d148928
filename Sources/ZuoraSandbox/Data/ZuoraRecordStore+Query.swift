/// Runs compiled queries over a consistent snapshot and writes the result file.
extension ZuoraRecordStore {
    /// The deleted-record column AQuA adds first when a query has a `deleted` section.
    struct DeletedColumn: Sendable {
        var header: String
        /// `Boolean` writes true/false, `Numeric` 1/0.
        var numeric: Bool
    }

    /// A result file and its row count.
    struct QueryResult: Sendable {
        var csv: [UInt8]
        var rows: Int
    }

    /// Rows of the query's object that `include` accepts (it sees deleted rows too) and the
    /// query's conditions match, ordered and limited, as CSV with `headers`.
    func run(
        _ query: CompiledQuery, headers: [String], style: ResultCSV.DateTimeStyle, deleted: DeletedColumn?,
        include: (ZuoraRecord) -> Bool
    ) -> QueryResult {
        withTables { tables, _ in
            guard let table = tables[query.object.name] else { return QueryResult(csv: [], rows: 0) }
            var selected = table.rows.filter { include($0) && query.matches($0) }
            if !query.order.isEmpty {
                let order = query.order
                selected = selected.enumerated().sorted { left, right in
                    for entry in order {
                        let a = left.element.values[entry.field], b = right.element.values[entry.field]
                        if CompiledQuery.less(a, b) { return entry.ascending }
                        if CompiledQuery.less(b, a) { return !entry.ascending }
                    }
                    return left.offset < right.offset
                }.map(\.element)
            }
            if let limit = query.limit, selected.count > limit { selected = Array(selected.prefix(limit)) }
            var csv = ResultCSV(style: style, capacity: max(1024, selected.count * 200))
            csv.row((deleted.map { [$0.header] } ?? []) + headers)
            var fields: [String?] = []
            for record in selected {
                fields.removeAll(keepingCapacity: true)
                if let deleted { fields.append(deleted.numeric ? (record.isDeleted ? "1" : "0") : (record.isDeleted ? "true" : "false")) }
                for column in query.columns {
                    switch column {
                    case .field(let index):
                        fields.append(csv.format(record.values[index]))
                    case .related(let key, let object, let field):
                        guard case .text(let id) = record.values[key], let target = tables[object]?.record(id: id) else {
                            fields.append(nil)
                            continue
                        }
                        fields.append(csv.format(target.values[field]))
                    }
                }
                csv.row(fields)
            }
            return QueryResult(csv: csv.bytes, rows: selected.count)
        }
    }
}
