import Singer

/// One object from describe global (`GET …/sobjects`): what decides whether it is described.
public struct SObjectSummary: Sendable, Hashable {
    public var name: String
    public var queryable: Bool
    public var customSetting: Bool

    public init(name: String, queryable: Bool = true, customSetting: Bool = false) {
        self.name = name
        self.queryable = queryable
        self.customSetting = customSetting
    }

    /// The `sobjects` list of a describe-global response.
    public static func list(from json: JSONValue) -> [SObjectSummary] {
        (json["sobjects"]?.arrayValue ?? []).compactMap { object in
            guard let name = object["name"]?.stringValue, !name.isEmpty else { return nil }
            return SObjectSummary(
                name: name, queryable: object["queryable"]?.boolValue ?? true,
                customSetting: object["customSetting"]?.boolValue ?? false)
        }
    }
}

/// An sObject describe result (`GET …/sobjects/{Name}/describe`), reduced to what the catalog needs.
public struct SObjectDescription: Sendable, Hashable {
    /// One entry of `fields[]`.
    public struct Field: Sendable, Hashable {
        public var name: String
        /// The describe `type`, lower-case (`id`, `string`, `datetime`, `address`, …).
        public var type: String
        /// Whether the field can appear in a `WHERE` clause (absent means yes).
        public var filterable: Bool
        public var nillable: Bool
        /// A formula field.
        public var calculated: Bool
        /// The compound field this one is a part of (`BillingAddress` for `BillingCity`).
        public var compoundFieldName: String?
        public var referenceTo: [String]
        public var relationshipName: String?

        public init(
            name: String, type: String, filterable: Bool = true, nillable: Bool = true, calculated: Bool = false,
            compoundFieldName: String? = nil, referenceTo: [String] = [], relationshipName: String? = nil
        ) {
            self.name = name
            self.type = type
            self.filterable = filterable
            self.nillable = nillable
            self.calculated = calculated
            self.compoundFieldName = compoundFieldName
            self.referenceTo = referenceTo
            self.relationshipName = relationshipName
        }
    }

    public var name: String
    public var fields: [Field]

    public init(name: String, fields: [Field]) {
        self.name = name
        self.fields = fields
    }

    /// Reads a describe result; `nil` when it has no name or no fields list.
    public init?(json: JSONValue) {
        guard let name = json["name"]?.stringValue, let rawFields = json["fields"]?.arrayValue else { return nil }
        self.name = name
        fields = rawFields.compactMap { field in
            guard let fieldName = field["name"]?.stringValue, !fieldName.isEmpty else { return nil }
            return Field(
                name: fieldName, type: field["type"]?.stringValue ?? "",
                filterable: field["filterable"]?.boolValue ?? true, nillable: field["nillable"]?.boolValue ?? true,
                calculated: field["calculated"]?.boolValue ?? false,
                compoundFieldName: field["compoundFieldName"]?.stringValue,
                referenceTo: field["referenceTo"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                relationshipName: field["relationshipName"]?.stringValue)
        }
    }

    /// The field called `name`.
    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }
}
