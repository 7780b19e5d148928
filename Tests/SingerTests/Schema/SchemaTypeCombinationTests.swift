import Testing

@testable import Singer

@Suite struct SchemaTypeCombinationTests {
    @Test func numberAndAnIntegerBranchMeetAtInteger() throws {
        let schema = try JSONSchema(["type": "number", "anyOf": [["type": "integer"]]])
        #expect(schema.types == [.integer])
        #expect(try JSONSchema(["type": ["number", "null"], "anyOf": [["type": "integer"], ["type": "null"]]]).types == [.integer, .null])
        #expect(try JSONSchema(["type": "integer", "allOf": [["type": "number"]]]).types == [.integer])
        #expect(try JSONSchema(["type": "string", "anyOf": [["type": "integer"]]]).types == [])
    }
}
