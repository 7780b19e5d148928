import Singer
import Testing

@testable import TargetPostgres

@Suite struct ColumnTypeSchemaTests {
    private func columnType(_ schemaText: String) throws -> ColumnType {
        var parser = JSONParser()
        return ColumnType.forSchema(try JSONSchema(try parser.parse(schemaText)))
    }

    @Test(arguments: [
        // string → text, with formats
        (#"{"type": "string"}"#, ColumnType.text),
        (#"{"type": ["null", "string"]}"#, .text),
        (#"{"type": ["string", "null"], "format": "date-time"}"#, .timestamptz),
        (#"{"type": "string", "format": "date"}"#, .date),
        (#"{"type": "string", "format": "time"}"#, .time),
        (#"{"type": "string", "format": "email"}"#, .text),
        (#"{"type": ["null", "string"], "format": "singer.decimal"}"#, .numeric),
        (#"{"type": "string", "format": "x-singer.decimal"}"#, .numeric),
        (#"{"type": ["number", "string"], "format": "x-singer.decimal"}"#, .numeric),
        // integer, number, boolean
        (#"{"type": "integer"}"#, .bigint),
        (#"{"type": ["null", "integer"]}"#, .bigint),
        (#"{"type": "number"}"#, .numeric),
        (#"{"type": ["null", "number"], "multipleOf": 0.01}"#, .numeric),
        (#"{"type": ["integer", "number"]}"#, .numeric),
        (#"{"type": "boolean"}"#, .boolean),
        // object / array
        (#"{"type": "object", "properties": {"a": {"type": "string"}}}"#, .jsonb),
        (#"{"type": ["null", "array"], "items": {"type": "string"}}"#, .jsonb),
        // empty or missing
        (#"{}"#, .jsonb),
        (#"true"#, .jsonb),
        (#"{"description": "anything"}"#, .jsonb),
        // multi-type
        (#"{"type": ["integer", "string"]}"#, .text),
        (#"{"type": ["boolean", "integer"]}"#, .text),
        (#"{"type": ["boolean", "string", "null"]}"#, .text),
        (#"{"type": ["string", "object"]}"#, .jsonb),
        (#"{"type": ["integer", "string"], "format": "date-time"}"#, .text),
        // null only, or nothing passes
        (#"{"type": "null"}"#, .text),
        (#"false"#, .text),
    ])
    func mapsTheIssuesTypes(schema: String, expected: ColumnType) throws {
        #expect(try columnType(schema) == expected)
    }

    @Test(arguments: [
        // The Singer SDK's Salesforce date-time: a plain-string branch admits non-timestamps.
        (#"{"anyOf": [{"type": "string", "format": "date-time"}, {"type": ["string", "null"]}]}"#, ColumnType.text),
        (#"{"anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]}"#, .timestamptz),
        (#"{"anyOf": [{"type": "integer"}, {"type": "number"}]}"#, .numeric),
        (#"{"oneOf": [{"type": "integer"}, {"type": "null"}]}"#, .bigint),
        (#"{"anyOf": [{"type": "integer"}, {"type": "string"}]}"#, .text),
        (#"{"anyOf": [{"type": "string"}, {"type": "array", "items": {}}]}"#, .jsonb),
        (#"{"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]}"#, .text),
        (#"{"anyOf": [{"type": "string"}, {}]}"#, .jsonb),
        // Branches read within their parent's type and format.
        (#"{"type": "string", "anyOf": [{"format": "date"}, {"maxLength": 3}]}"#, .text),
        (#"{"type": "string", "format": "date", "anyOf": [{"minLength": 10}, {"maxLength": 10}]}"#, .date),
        (#"{"type": ["string", "null"], "anyOf": [{"format": "date-time"}, {"type": "null"}]}"#, .timestamptz),
        (#"{"type": "number", "anyOf": [{"type": "integer"}]}"#, .bigint),
        // Nested unions are flattened.
        (#"{"anyOf": [{"oneOf": [{"type": "integer"}, {"type": "null"}]}, {"type": "number"}]}"#, .numeric),
    ])
    func mapsUnionsToTheNarrowestTypeHoldingEveryBranch(schema: String, expected: ColumnType) throws {
        #expect(try columnType(schema) == expected)
    }

    @Test func mapsTheSDKsCamelcaseComplexSchema() throws {
        // The second SCHEMA of singer_sdk/testing/target_test_streams/camelcase_complex_schema.singer.
        let dateTime = #"{"anyOf": [{"type": "string", "format": "date-time"}, {"type": ["string", "null"]}]}"#
        let schemaText = """
            {"properties": {"Id": {"type": "string"}, "IsDeleted": {"type": ["null", "boolean"]},
             "CreatedDate": \(dateTime), "CreatedById": {"type": ["null", "string"]},
             "LastModifiedDate": \(dateTime), "LastModifiedById": {"type": ["null", "string"]},
             "SystemModstamp": \(dateTime), "ForecastingTypeId": {"type": ["null", "string"]},
             "ForecastingItemCategory": {"type": ["null", "string"]},
             "DisplayPosition": {"type": ["null", "integer"]}, "IsAdjustable": {"type": ["null", "boolean"]},
             "IsOwnerAdjustable": {"type": ["null", "boolean"]}, "age": {"type": "integer"},
             "NewCamelCasedAttribute": {"type": "string"}},
             "type": "object", "additionalProperties": false}
            """
        var parser = JSONParser()
        let schema = try JSONSchema(try parser.parse(schemaText))
        let names = NamePolicy.assign(schema.properties.map(\.name))
        let columns = schema.properties.map { (names[$0.name] ?? "?", ColumnType.forSchema($0.schema)) }
        #expect(columns.map(\.0) == [
            "id", "isdeleted", "createddate", "createdbyid", "lastmodifieddate", "lastmodifiedbyid",
            "systemmodstamp", "forecastingtypeid", "forecastingitemcategory", "displayposition",
            "isadjustable", "isowneradjustable", "age", "newcamelcasedattribute",
        ])
        #expect(columns.map(\.1) == [
            .text, .boolean, .text, .text, .text, .text,
            .text, .text, .text, .bigint,
            .boolean, .boolean, .bigint, .text,
        ])
    }
}
