/// Where and how one stream's records land: the table, its columns in COPY order and its key.
struct TablePlan: Sendable, Hashable {
    /// One column: the record property it comes from (or a metadata source) and its type.
    struct Column: Sendable, Hashable {
        enum Source: Sendable, Hashable {
            /// A top-level property of the record.
            case property(String)
            /// One of the `_sdc_*` columns the target fills itself.
            case metadata(MetadataColumn)
        }

        var name: String
        var type: ColumnType
        var source: Source

        /// The original name recorded in the column's comment.
        var originalName: String {
            switch source {
            case .property(let name): name
            case .metadata(let column): column.rawValue
            }
        }
    }

    var schema: String
    var table: String
    /// The stream name, recorded in the table's comment.
    var stream: String
    var columns: [Column]
    /// Column names of the primary key, in key order; empty for append-only streams.
    var keyColumns: [String]

    func column(named name: String) -> Column? { columns.first { $0.name == name } }
}

/// The `_sdc_*` columns: record metadata (with `add_record_metadata`) and table versions
/// (with `activate_version`).
enum MetadataColumn: String, Sendable, Hashable, CaseIterable {
    case extractedAt = "_sdc_extracted_at"
    case receivedAt = "_sdc_received_at"
    case batchedAt = "_sdc_batched_at"
    case deletedAt = "_sdc_deleted_at"
    case sequence = "_sdc_sequence"
    case tableVersion = "_sdc_table_version"

    var type: ColumnType {
        switch self {
        case .extractedAt, .receivedAt, .batchedAt, .deletedAt: .timestamptz
        case .sequence, .tableVersion: .bigint
        }
    }
}
