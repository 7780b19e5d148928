/// An activity type as `GET /rest/v1/activities/types.json` reports it.
struct ActivityType: Sendable, Hashable {
    struct Attribute: Sendable, Hashable {
        var name: String
        var dataType: String
    }

    var id: Int
    var name: String
    var description: String
    var primaryAttribute: Attribute?
    var attributes: [Attribute]

    static let visitWebpage = 1, fillOutForm = 2, sendEmail = 6, emailDelivered = 7, openEmail = 10
    static let clickEmail = 11, newLead = 12, changeDataValue = 13, changeScore = 22, deleteLead = 37
    static let changeStatusInProgression = 104

    /// The subscription's types (a subset of Marketo's standard ones, with their real ids).
    static let all: [ActivityType] = [
        ActivityType(id: visitWebpage, name: "Visit Webpage", description: "User visits a web page",
                     primaryAttribute: Attribute(name: "Webpage ID", dataType: "integer"),
                     attributes: [Attribute(name: "Client IP Address", dataType: "string"), Attribute(name: "Query Parameters", dataType: "string"),
                                  Attribute(name: "Referrer URL", dataType: "string"), Attribute(name: "Webpage URL", dataType: "string")]),
        ActivityType(id: fillOutForm, name: "Fill Out Form", description: "User fills out and submits form on web page",
                     primaryAttribute: Attribute(name: "Webform ID", dataType: "integer"),
                     attributes: [Attribute(name: "Client IP Address", dataType: "string"), Attribute(name: "Form Fields", dataType: "text"),
                                  Attribute(name: "Webpage ID", dataType: "integer")]),
        ActivityType(id: sendEmail, name: "Send Email", description: "Send Marketo Email to a person",
                     primaryAttribute: Attribute(name: "Mailing ID", dataType: "integer"),
                     attributes: [Attribute(name: "Campaign Run ID", dataType: "integer"), Attribute(name: "Step ID", dataType: "integer")]),
        ActivityType(id: emailDelivered, name: "Email Delivered", description: "Marketo Email is delivered to a person",
                     primaryAttribute: Attribute(name: "Mailing ID", dataType: "integer"),
                     attributes: [Attribute(name: "Campaign Run ID", dataType: "integer")]),
        ActivityType(id: openEmail, name: "Open Email", description: "User opens Marketo Email",
                     primaryAttribute: Attribute(name: "Mailing ID", dataType: "integer"),
                     attributes: [Attribute(name: "Device", dataType: "string"), Attribute(name: "Is Mobile Device", dataType: "boolean")]),
        ActivityType(id: clickEmail, name: "Click Email", description: "User clicks on a link in a Marketo Email",
                     primaryAttribute: Attribute(name: "Mailing ID", dataType: "integer"),
                     attributes: [Attribute(name: "Link", dataType: "string"), Attribute(name: "Is Mobile Device", dataType: "boolean")]),
        ActivityType(id: newLead, name: "New Lead", description: "New person",
                     primaryAttribute: nil,
                     attributes: [Attribute(name: "Source Type", dataType: "string"), Attribute(name: "Form Name", dataType: "string")]),
        ActivityType(id: changeDataValue, name: "Change Data Value", description: "Changed attribute value for a person",
                     primaryAttribute: Attribute(name: "Attribute Name", dataType: "string"),
                     attributes: [Attribute(name: "New Value", dataType: "string"), Attribute(name: "Old Value", dataType: "string"),
                                  Attribute(name: "Reason", dataType: "string")]),
        ActivityType(id: changeScore, name: "Change Score", description: "Change a person's score",
                     primaryAttribute: Attribute(name: "Score Name", dataType: "string"),
                     attributes: [Attribute(name: "Change Value", dataType: "string"), Attribute(name: "New Value", dataType: "integer"),
                                  Attribute(name: "Old Value", dataType: "integer")]),
        ActivityType(id: deleteLead, name: "Delete Lead", description: "Delete a person",
                     primaryAttribute: Attribute(name: "Lead ID", dataType: "integer"),
                     attributes: [Attribute(name: "Remove from CRM", dataType: "boolean")]),
        ActivityType(id: changeStatusInProgression, name: "Change Status in Progression", description: "Change a person's program status",
                     primaryAttribute: Attribute(name: "Program ID", dataType: "integer"),
                     attributes: [Attribute(name: "New Status", dataType: "string"), Attribute(name: "Old Status", dataType: "string"),
                                  Attribute(name: "Success", dataType: "boolean")]),
    ]

    static func named(id: Int) -> ActivityType? { all.first { $0.id == id } }
}
