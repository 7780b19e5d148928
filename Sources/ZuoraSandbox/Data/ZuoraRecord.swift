/// One stored row: values aligned with its object's fields, plus deletion and change bookkeeping.
public struct ZuoraRecord: Sendable, Hashable {
    /// Values in the object's field order.
    public var values: [ZuoraValue]
    /// Soft-deleted (AQuA stateful sessions report it with the deleted column).
    public var isDeleted: Bool
    /// The change round that last touched the row (0 = generated data).
    public var round: Int

    public init(values: [ZuoraValue], isDeleted: Bool = false, round: Int = 0) {
        self.values = values
        self.isDeleted = isDeleted
        self.round = round
    }
}

/// One object's rows with an Id index.
struct ZuoraTable: Sendable {
    let object: ZuoraObject
    var rows: [ZuoraRecord] = []
    var rowByID: [String: Int] = [:]
    let idIndex: Int
    let updatedIndex: Int?

    init(object: ZuoraObject) {
        self.object = object
        idIndex = object.fieldIndex("Id") ?? 0
        updatedIndex = object.fieldIndex("UpdatedDate")
    }

    mutating func append(_ record: ZuoraRecord) {
        if case .text(let id) = record.values[idIndex] { rowByID[id] = rows.count }
        rows.append(record)
    }

    func record(id: String) -> ZuoraRecord? { rowByID[id].map { rows[$0] } }
}
