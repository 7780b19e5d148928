/// One lead (person) record.
struct Lead: Sendable, Hashable {
    var id: Int
    var firstName: String?
    var lastName: String?
    var email: String?
    var company: String?
    var title: String?
    var phone: String?
    var website: String?
    var city: String?
    var country: String?
    var leadSource: String?
    var leadStatus: String
    /// Whole currency units.
    var annualRevenue: Int?
    var numberOfEmployees: Int?
    var leadScore: Int
    var unsubscribed: Bool
    var emailInvalid: Bool
    /// Days since 1970.
    var dateOfBirth: Int?
    /// Seconds since 1970 when the lead became marketing-qualified.
    var mqlDate: Int?
    var acquisitionProgramId: Int?
    var personNotes: String?
    var createdAt: Int
    var updatedAt: Int
    /// When the lead was deleted (it then no longer appears in exports), or `nil`.
    var deletedAt: Int?

    /// The field's value as Marketo writes it in a bulk file or JSON string; `nil` is empty.
    func text(_ field: LeadField) -> String? {
        switch field {
        case .id: String(id)
        case .firstName: firstName
        case .lastName: lastName
        case .email: email
        case .company: company
        case .title: title
        case .phone: phone
        case .website: website
        case .city: city
        case .country: country
        case .leadSource: leadSource
        case .leadStatus: leadStatus
        case .annualRevenue: annualRevenue.map { "\($0).0" }
        case .numberOfEmployees: numberOfEmployees.map(String.init)
        case .leadScore: String(leadScore)
        case .unsubscribed: unsubscribed ? "true" : "false"
        case .emailInvalid: emailInvalid ? "true" : "false"
        case .dateOfBirth: dateOfBirth.map { MarketoTime.formatDate(days: $0) }
        case .mktoMQLDate: mqlDate.map(MarketoTime.format)
        case .acquisitionProgramId: acquisitionProgramId.map(String.init)
        case .personNotes: personNotes
        case .createdAt: MarketoTime.format(createdAt)
        case .updatedAt: MarketoTime.format(updatedAt)
        case .originalSourceType: leadSource == nil ? nil : "Web form fillout"
        case .cookies: nil
        }
    }
}
