/// The lead fields the sandbox's subscription has, as `GET /rest/v1/leads/describe.json`
/// reports them: REST name (the raw value), SOAP name, display name and Marketo data type.
enum LeadField: String, CaseIterable, Sendable {
    case id, firstName, lastName, email, company, title, phone, website, city, country
    case leadSource, leadStatus, annualRevenue, numberOfEmployees, leadScore, unsubscribed
    case emailInvalid, dateOfBirth, mktoMQLDate, acquisitionProgramId, personNotes, createdAt, updatedAt
    case originalSourceType, cookies

    /// Describe ids: stable small integers, as Marketo's are.
    var describeID: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }

    var displayName: String {
        switch self {
        case .id: "Id"
        case .firstName: "First Name"
        case .lastName: "Last Name"
        case .email: "Email Address"
        case .company: "Company Name"
        case .title: "Job Title"
        case .phone: "Phone Number"
        case .website: "Website"
        case .city: "City"
        case .country: "Country"
        case .leadSource: "Lead Source"
        case .leadStatus: "Lead Status"
        case .annualRevenue: "Annual Revenue"
        case .numberOfEmployees: "Num Employees"
        case .leadScore: "Lead Score"
        case .unsubscribed: "Unsubscribed"
        case .emailInvalid: "Email Invalid"
        case .dateOfBirth: "Date of Birth"
        case .mktoMQLDate: "MQL Date"
        case .acquisitionProgramId: "Acquisition Program Id"
        case .personNotes: "Person Notes"
        case .createdAt: "Created At"
        case .updatedAt: "Updated At"
        case .originalSourceType: "Original Source Type"
        case .cookies: "Cookies"
        }
    }

    /// Marketo's `dataType`.
    var dataType: String {
        switch self {
        case .id, .numberOfEmployees: "integer"
        case .email: "email"
        case .phone: "phone"
        case .website: "url"
        case .annualRevenue: "currency"
        case .leadScore: "score"
        case .unsubscribed, .emailInvalid: "boolean"
        case .dateOfBirth: "date"
        case .mktoMQLDate, .createdAt, .updatedAt: "datetime"
        case .acquisitionProgramId: "reference"
        case .personNotes: "text"
        default: "string"
        }
    }

    /// `length` for string-like fields.
    var length: Int? {
        switch self {
        case .email, .company, .title, .website, .city, .country, .leadSource, .leadStatus, .firstName, .lastName, .originalSourceType: 255
        case .phone: 255
        default: nil
        }
    }

    var readOnly: Bool { self == .id || self == .createdAt || self == .updatedAt || self == .cookies || self == .originalSourceType }

    /// The SOAP name (Marketo's older API), e.g. `Company`.
    var soapName: String? {
        switch self {
        case .id: "Id"
        case .cookies: nil
        default: rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }

    /// Whether the field has a REST name; describe omits `rest` for SOAP-only fields (the
    /// tap must skip those), and the sandbox has one: `cookies` is REST-only, `originalSourceType`
    /// SOAP-only.
    var hasREST: Bool { self != .originalSourceType }
}
