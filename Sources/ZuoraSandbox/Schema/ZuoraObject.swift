/// One Zuora object as `GET /v1/describe/{Object}` reports it.
public struct ZuoraObject: Sendable, Hashable {
    /// API name, e.g. `RatePlanCharge`.
    public var name: String
    /// Display label.
    public var label: String
    /// Fields in describe order; `Id` first.
    public var fields: [ZuoraField]
    /// Related objects (`<related-objects>`).
    public var relations: [ZuoraRelation]
    /// Whether AQuA can export deleted records of this object.
    public var supportsDeleted: Bool

    public init(_ name: String, label: String? = nil, fields: [ZuoraField], relations: [ZuoraRelation] = [], supportsDeleted: Bool = true) {
        self.name = name
        self.label = label ?? ZuoraField.label(for: name)
        self.fields = fields
        self.relations = relations
        self.supportsDeleted = supportsDeleted
    }

    /// The position of field `name` (case-insensitive, as ZOQL is).
    public func fieldIndex(_ name: String) -> Int? {
        if let exact = fields.firstIndex(where: { $0.name == name }) { return exact }
        let lower = name.lowercased()
        return fields.firstIndex { $0.name.lowercased() == lower }
    }

    /// The relation called `name` (case-insensitive).
    public func relation(_ name: String) -> ZuoraRelation? {
        let lower = name.lowercased()
        return relations.first { $0.name.lowercased() == lower }
    }
}
