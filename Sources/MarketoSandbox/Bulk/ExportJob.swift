/// One bulk extract job and, once completed, its file.
struct ExportJob: Sendable {
    enum Kind: String, Sendable { case leads, activities }

    /// What a job exports; fixed at creation.
    struct Spec: Sendable {
        var kind: Kind
        /// `CSV`, `TSV` or `SSV`.
        var format: String
        /// Lead fields, or activity columns, in the order requested.
        var fields: [String]
        /// Header names by field (`columnHeaderNames`).
        var headers: [String: String]
        /// `createdAt` or `updatedAt`.
        var filterField: String
        /// Seconds, both ends inclusive.
        var startAt: Int
        var endAt: Int
        /// Activity type ids; empty means all.
        var activityTypeIds: Set<Int>

        var delimiter: UInt8 {
            switch format {
            case "TSV": UInt8(ascii: "\t")
            case "SSV": UInt8(ascii: " ")
            default: UInt8(ascii: ",")
            }
        }
    }

    var id: String
    var spec: Spec
    /// Marketo's statuses: Created, Queued, Processing, Completed, Cancelled, Failed.
    var status: String
    var createdAt: Int
    var queuedAt: Int?
    var startedAt: Int?
    var finishedAt: Int?
    /// Status polls seen while queued or processing.
    var polls = 0
    var file: [UInt8]?
    /// `sha256:<hex>` of the file.
    var fileChecksum: String?
    var numberOfRecords: Int?
}
