import MarketoSandbox
import Singer
import Testing

@Suite("Marketo sandbox: describe and activity types")
struct SandboxDescribeTests {
    @Test("leads/describe.json lists typed fields with rest and soap names; one field has no rest name")
    func leadDescribe() async throws {
        try await runAgainstMarketoSandbox { http in
            let reply = try await http.get("/rest/v1/leads/describe.json", token: try await http.token())
            #expect(reply.success)
            let fields = reply.result
            let byName = Dictionary(fields.compactMap { field in field["rest"]?["name"]?.stringValue.map { ($0, field) } }, uniquingKeysWith: { a, _ in a })
            #expect(byName["id"]?["dataType"]?.stringValue == "integer")
            #expect(byName["updatedAt"]?["dataType"]?.stringValue == "datetime")
            #expect(byName["company"]?["soap"]?["name"]?.stringValue == "Company")
            #expect(byName["company"]?["length"]?.intValue == 255)
            #expect(byName["annualRevenue"]?["dataType"]?.stringValue == "currency")
            #expect(byName["leadScore"]?["dataType"]?.stringValue == "score")
            #expect(byName["dateOfBirth"]?["dataType"]?.stringValue == "date")
            #expect(fields.contains { $0["rest"] == nil })
            let types: Set<String> = Set(fields.compactMap { $0["dataType"]?.stringValue })
            #expect(types.isSuperset(of: ["boolean", "email", "text", "reference", "url", "phone"]))
        }
    }

    @Test("activities/types.json lists types with ids, primary attributes and attributes")
    func activityTypes() async throws {
        try await runAgainstMarketoSandbox { http in
            let reply = try await http.get("/rest/v1/activities/types.json", token: try await http.token())
            let types = reply.result
            let visit = try #require(types.first { $0["id"]?.intValue == 1 })
            #expect(visit["name"]?.stringValue == "Visit Webpage")
            #expect(visit["primaryAttribute"]?["name"]?.stringValue == "Webpage ID")
            #expect((visit["attributes"]?.arrayValue ?? []).contains { $0["name"]?.stringValue == "Client IP Address" })
            let newLead = try #require(types.first { $0["id"]?.intValue == 12 })
            #expect(newLead["primaryAttribute"] == nil)
            #expect(types.contains { $0["id"]?.intValue == 37 && $0["name"]?.stringValue == "Delete Lead" })
        }
    }
}
