/// One Zuora object as `GET /v1/describe/{Object}` describes it.
public struct ObjectDescription: Sendable, Hashable {
    /// One `<field>`.
    public struct Field: Sendable, Hashable {
        public var name: String
        /// Zuora's type: boolean, date, datetime, decimal, integer, picklist, text, timestamp, ZOQL…
        public var type: String
        /// `<contexts><context>`: `export` means AQuA and CRUD exports can select it.
        public var contexts: [String]
        public var required: Bool

        public init(name: String, type: String, contexts: [String], required: Bool = false) {
            self.name = name
            self.type = type
            self.contexts = contexts
            self.required = required
        }

        /// Whether exports can select the field.
        public var isExportable: Bool { contexts.contains("export") }
    }

    public var name: String
    public var fields: [Field]
    /// `<related-objects><object><name>`: joined objects, selectable as `<Name>.Id`.
    public var relatedObjects: [String]

    public init(name: String, fields: [Field], relatedObjects: [String]) {
        self.name = name
        self.fields = fields
        self.relatedObjects = relatedObjects
    }
}
