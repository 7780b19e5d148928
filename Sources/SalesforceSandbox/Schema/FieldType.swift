/// A field's `type` in describe results (Salesforce's lower-case enum), with the SOAP type
/// and the capabilities that follow from it.
enum FieldType: String, Sendable, Hashable, CaseIterable {
    case id, reference, string, picklist, multipicklist, combobox, textarea, email, phone, url
    case boolean, int, double, currency, percent, date, datetime, time
    case address, location, base64, anyType

    /// The `soapType` Salesforce reports for this type.
    var soapType: String {
        switch self {
        case .id, .reference: "tns:ID"
        case .string, .picklist, .multipicklist, .combobox, .textarea, .email, .phone, .url: "xsd:string"
        case .boolean: "xsd:boolean"
        case .int: "xsd:int"
        case .double, .currency, .percent: "xsd:double"
        case .date: "xsd:date"
        case .datetime: "xsd:dateTime"
        case .time: "xsd:time"
        case .address: "urn:address"
        case .location: "urn:location"
        case .base64: "xsd:base64Binary"
        case .anyType: "xsd:anyType"
        }
    }

    /// Compound values (REST only; Bulk refuses them).
    var isCompound: Bool { self == .address || self == .location }

    /// Types whose values are JSON numbers.
    var isNumeric: Bool { self == .int || self == .double || self == .currency || self == .percent }

    /// Types whose values are text for SOQL comparisons.
    var isTextual: Bool {
        switch self {
        case .id, .reference, .string, .picklist, .multipicklist, .combobox, .textarea, .email, .phone, .url: true
        default: false
        }
    }

    /// Whether describe reports the field filterable by default.
    var defaultFilterable: Bool {
        switch self {
        case .address, .location, .base64, .anyType: false
        default: true
        }
    }

    /// Whether describe reports the field sortable by default.
    var defaultSortable: Bool {
        switch self {
        case .address, .location, .base64, .anyType, .multipicklist: false
        default: true
        }
    }
}
