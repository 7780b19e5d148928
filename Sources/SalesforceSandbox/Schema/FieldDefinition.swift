/// One field of an sObject as describe reports it; the sandbox's data and SOQL checks follow
/// the same definition.
struct FieldDefinition: Sendable, Hashable {
    var name: String
    var label: String
    var type: FieldType
    var length = 0
    var precision = 0
    var scale = 0
    var digits = 0
    var nillable = true
    var filterable = true
    var sortable = true
    var groupable = true
    var custom = false
    var calculated = false
    var calculatedFormula: String?
    var referenceTo: [String] = []
    var relationshipName: String?
    var compoundFieldName: String?
    var picklistValues: [String] = []
    var restrictedPicklist = false
    var defaultPicklistValue: String?
    var externalId = false
    var unique = false
    var idLookup = false
    var nameField = false
    var createable = true
    var updateable = true
    var defaultedOnCreate = false
    var extraTypeInfo: String?
    var htmlFormatted = false
    var autoNumber = false

    init(_ name: String, _ type: FieldType, label: String? = nil) {
        self.name = name
        self.type = type
        self.label = label ?? Self.label(for: name)
        filterable = type.defaultFilterable
        sortable = type.defaultSortable
        groupable = type.defaultSortable && type != .textarea && !type.isNumeric || type == .int
        custom = name.hasSuffix("__c") || name.hasSuffix("__s")
        switch type {
        case .id, .reference: length = 18
        case .string, .picklist, .combobox, .url: length = 255
        case .multipicklist: length = 4099
        case .textarea: length = 255
        case .email: length = 80
        case .phone: length = 40
        case .int: digits = 9
        case .double, .currency: precision = 18; scale = 2
        case .percent: precision = 3; scale = 0
        case .base64: length = 36_700_160
        default: break
        }
    }

    /// `byteLength` in describe: three bytes per character for text.
    var byteLength: Int { length * 3 }

    /// "CloseDate" → "Close Date", "AccountId" → "Account ID", "Total_Amount__c" → "Total Amount".
    static func label(for name: String) -> String {
        var base = name
        for suffix in ["__c", "__s"] where base.hasSuffix(suffix) { base.removeLast(3) }
        if base.contains("_") { return base.split(separator: "_").joined(separator: " ") }
        if base.hasSuffix("Id"), base.count > 2 { return label(for: String(base.dropLast(2))) + " ID" }
        var result = ""
        var previous: Character?
        for character in base {
            if character.isUppercase, let previous, previous.isLowercase { result.append(" ") }
            result.append(character)
            previous = character
        }
        return result
    }
}

extension FieldDefinition {
    /// The record Id.
    static func id() -> FieldDefinition {
        var field = FieldDefinition("Id", .id, label: "Record ID")
        field.nillable = false
        field.idLookup = true
        field.createable = false
        field.updateable = false
        field.defaultedOnCreate = true
        return field
    }

    static func text(_ name: String, length: Int = 255, nillable: Bool = true, nameField: Bool = false) -> FieldDefinition {
        var field = FieldDefinition(name, .string)
        field.length = length
        field.nillable = nillable
        field.nameField = nameField
        field.idLookup = nameField
        return field
    }

    static func reference(_ name: String, to targets: [String], relationship: String?, nillable: Bool = true) -> FieldDefinition {
        var field = FieldDefinition(name, .reference)
        field.referenceTo = targets
        field.relationshipName = relationship
        field.nillable = nillable
        return field
    }

    static func picklist(_ name: String, _ values: [String], default defaultValue: String? = nil) -> FieldDefinition {
        var field = FieldDefinition(name, .picklist)
        field.picklistValues = values
        field.defaultPicklistValue = defaultValue
        return field
    }

    static func multipicklist(_ name: String, _ values: [String]) -> FieldDefinition {
        var field = FieldDefinition(name, .multipicklist)
        field.picklistValues = values
        return field
    }

    /// A long text area: not filterable or sortable, as in Salesforce.
    static func longText(_ name: String, length: Int = 32_000) -> FieldDefinition {
        var field = FieldDefinition(name, .textarea)
        field.length = length
        field.filterable = false
        field.sortable = false
        field.groupable = false
        field.extraTypeInfo = "plaintextarea"
        return field
    }

    static func simple(_ name: String, _ type: FieldType, nillable: Bool = true) -> FieldDefinition {
        var field = FieldDefinition(name, type)
        field.nillable = nillable
        if type == .boolean {
            field.nillable = false
            field.defaultedOnCreate = true
        }
        return field
    }

    static func number(_ name: String, _ type: FieldType, precision: Int, scale: Int) -> FieldDefinition {
        var field = FieldDefinition(name, type)
        field.precision = precision
        field.scale = scale
        field.groupable = false
        return field
    }

    /// A system-maintained field (audit dates, IsDeleted…): neither createable nor updateable.
    static func system(_ name: String, _ type: FieldType, reference: String? = nil) -> FieldDefinition {
        var field = reference.map { FieldDefinition.reference(name, to: [$0], relationship: String(name.dropLast(2))) }
            ?? FieldDefinition(name, type)
        field.nillable = false
        field.createable = false
        field.updateable = false
        field.defaultedOnCreate = true
        return field
    }

    /// A formula field: `calculated: true` with its formula, reported with its result type.
    static func formula(_ name: String, _ type: FieldType, _ formula: String, precision: Int = 18, scale: Int = 2) -> FieldDefinition {
        var field = FieldDefinition(name, type)
        field.calculated = true
        field.calculatedFormula = formula
        field.createable = false
        field.updateable = false
        if type.isNumeric {
            field.precision = precision
            field.scale = scale
        }
        return field
    }

    /// An address compound field and its components (`BillingStreet`…`BillingAddress`).
    static func address(prefix: String, compound: String) -> [FieldDefinition] {
        var components: [FieldDefinition] = [
            .longTextComponent(prefix + "Street", length: 255),
            .text(prefix + "City", length: 40), .text(prefix + "State", length: 80),
            .text(prefix + "PostalCode", length: 20), .text(prefix + "Country", length: 80),
            .number(prefix + "Latitude", .double, precision: 18, scale: 15),
            .number(prefix + "Longitude", .double, precision: 18, scale: 15),
            .picklist(prefix + "GeocodeAccuracy", ["Address", "NearAddress", "Block", "Street", "ExtendedZip", "Zip", "Neighborhood", "City", "County", "State", "Unknown"]),
        ]
        for index in components.indices { components[index].compoundFieldName = compound }
        var address = FieldDefinition(compound, .address)
        address.createable = false
        address.updateable = false
        address.groupable = false
        return components + [address]
    }

    /// A custom geolocation field and its `__Latitude__s` / `__Longitude__s` components.
    static func location(_ name: String) -> [FieldDefinition] {
        let base = String(name.dropLast(3))
        var latitude = FieldDefinition.number(base + "__Latitude__s", .double, precision: 10, scale: 6)
        var longitude = FieldDefinition.number(base + "__Longitude__s", .double, precision: 10, scale: 6)
        latitude.compoundFieldName = name
        longitude.compoundFieldName = name
        var location = FieldDefinition(name, .location)
        location.groupable = false
        location.custom = true
        return [location, latitude, longitude]
    }

    private static func longTextComponent(_ name: String, length: Int) -> FieldDefinition {
        var field = FieldDefinition(name, .textarea)
        field.length = length
        return field
    }
}
