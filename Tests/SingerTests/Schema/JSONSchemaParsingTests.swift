import Testing

@testable import Singer

@Suite struct JSONSchemaParsingTests {
    typealias Support = SchemaTestSupport

    @Test func typeListWithNullFirstOrLastMeansTheSame() throws {
        let singerIO = try Support.schema(#"{"type": ["null", "string"]}"#)
        let sdk = try Support.schema(#"{"type": ["string", "null"]}"#)
        #expect(singerIO.types == [.string, .null])
        #expect(sdk.types == singerIO.types)
        #expect(singerIO.nonNullTypes == .string)
        #expect(singerIO.isNullable && sdk.isNullable)
        #expect(try Support.schema(#"{"type": "string"}"#).isNullable == false)
    }

    @Test func propertiesKeepSchemaOrderAndAccessorsReadKeywords() throws {
        let schema = try Support.schema("""
            {"type": "object", "required": ["Id"], "additionalProperties": false,
             "properties": {"Id": {"type": "string", "maxLength": 18},
                            "Amount": {"type": ["null", "number"], "multipleOf": 0.01, "minimum": 0},
                            "CloseDate": {"type": ["null", "string"], "format": "date"},
                            "Price": {"type": "string", "format": "singer.decimal"}}}
            """)
        #expect(schema.properties.map(\.name) == ["Id", "Amount", "CloseDate", "Price"])
        #expect(schema.required == ["Id"])
        #expect(schema.additionalProperties == .forbidden)
        #expect(schema.property("Id")?.maxLength == 18)
        #expect(schema.property("Amount")?.multipleOf?.text == "0.01")
        #expect(schema.property("Amount")?.minimum == JSONNumber(0))
        #expect(schema.property("CloseDate")?.format == .date)
        #expect(schema.property("Price")?.format?.isDecimal == true)
        #expect(schema.property("Missing") == nil)
    }

    @Test func keepsTheOriginalJSONForReEmitting() throws {
        let text = #"{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"a":{"type":"integer","x-sql-datatype":"bigint"}}}"#
        let schema = try Support.schema(text)
        #expect(schema.json == (try Support.json(text)))
        #expect(schema.description == text)
        #expect(schema.property("a")?.json == ["type": "integer", "x-sql-datatype": "bigint"])
    }

    @Test func unknownKeywordsAreIgnored() throws {
        let schema = try Support.schema("""
            {"$schema": "http://json-schema.org/draft-07/schema#", "title": "Opportunity",
             "description": "A deal", "inclusion": "available", "selected": true,
             "x-sql-datatype": "numeric(18,2)", "examples": [1], "type": "number"}
            """)
        #expect(schema.types == .number)
        #expect(schema.isValid(5))
        #expect(!schema.isValid("5"))
    }

    @Test func anyOfMembersAreOfferedAsAlternatives() throws {
        let schema = try Support.schema(#"{"anyOf": [{"type": "string", "format": "date-time"}, {"type": ["string", "null"]}]}"#)
        #expect(schema.alternatives.count == 2)
        #expect(schema.alternatives[0].format == .dateTime)
        #expect(schema.nonNullTypes == .string)
        #expect(schema.isNullable)
        #expect(!schema.hasTypeKeyword)
        let plain = try Support.schema(#"{"type": "integer"}"#)
        #expect(plain.alternatives == [plain])
    }

    @Test func nestedUnionsFlattenIntoAlternatives() throws {
        let schema = try Support.schema(#"{"oneOf": [{"type": "integer"}, {"anyOf": [{"type": "string"}, {"type": "null"}]}]}"#)
        #expect(schema.alternatives.map(\.types) == [.integer, .string, .null])
        #expect(schema.types == [.integer, .string, .null])
    }

    @Test func draft4ExclusiveBooleansBecomeExclusiveBounds() throws {
        let schema = try Support.schema(#"{"type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 10, "exclusiveMaximum": false}"#)
        #expect(schema.minimum == nil)
        #expect(schema.exclusiveMinimum == JSONNumber(0))
        #expect(schema.maximum == JSONNumber(10))
        #expect(schema.exclusiveMaximum == nil)
        #expect(!schema.isValid(0))
        #expect(schema.isValid(10))
    }

    @Test func booleanAndEmptySchemas() throws {
        let empty = try Support.schema("{}")
        let always = try Support.schema("true")
        let never = try Support.schema("false")
        for value: JSONValue in [nil, true, 1, 1.5, "x", [1], ["a": 1]] {
            #expect(empty.isValid(value))
            #expect(always.isValid(value))
            #expect(!never.isValid(value))
        }
        #expect(empty.acceptsEverything && always.acceptsEverything && never.rejectsEverything)
        #expect(never.types.isEmpty)
        #expect(try Support.errors(never, "1") == ["record: no value is allowed here (the schema is false)"])
    }

    @Test func localReferencesAreResolved() throws {
        let schema = try Support.schema("""
            {"definitions": {"money": {"type": ["null", "number"], "multipleOf": 0.01}},
             "$defs": {"id": {"type": "string"}},
             "type": "object",
             "properties": {"Amount": {"$ref": "#/definitions/money"}, "Id": {"$ref": "#/$defs/id"}}}
            """)
        #expect(schema.property("Amount")?.multipleOf?.text == "0.01")
        #expect(schema.property("Id")?.types == .string)
        #expect(try Support.errors(schema, #"{"Amount": 1.005, "Id": 7}"#) == [
            "record.Amount: expected a multiple of 0.01, got 1.005",
            "record.Id: expected string, got number 7",
        ])
    }

    @Test func unresolvableReferencesAreRejected() throws {
        #expect(try Support.schemaError(#"{"properties": {"a": {"$ref": "http://example.com/a.json"}}}"#)?
            .hasPrefix(#"schema.properties.a.$ref: cannot resolve "http://example.com/a.json": only references within the schema"#) == true)
        #expect(try Support.schemaError(##"{"properties": {"a": {"$ref": "#/definitions/nope"}}}"##)
            == ##"schema.properties.a.$ref: "#/definitions/nope" points to nothing in this schema"##)
        #expect(try Support.schemaError(##"{"definitions": {"node": {"properties": {"next": {"$ref": "#/definitions/node"}}}}, "$ref": "#/definitions/node"}"##)
            == ##"schema.definitions.node.properties.next.$ref: "#/definitions/node" refers to itself; recursive schemas cannot be validated or mapped to columns"##)
    }

    @Test func invalidSchemasNameTheKeywordAtFault() throws {
        let cases: [(String, String)] = [
            (#"{"properties": {"Amount": {"type": "decimal"}}}"#,
             #"schema.properties.Amount.type: unknown type "decimal" (expected integer, number, string, boolean, object, array or null)"#),
            (#"{"type": 5}"#, "schema.type: expected a type name or a non-empty list of them, got number 5"),
            (#"{"type": ["string", 3]}"#, "schema.type[1]: expected a type name, got number 3"),
            (#"{"type": []}"#, "schema.type: expected a type name or a non-empty list of them, got array []"),
            (#"{"properties": ["a"]}"#, #"schema.properties: expected an object of schemas, got array ["a"]"#),
            (#"{"properties": {"a": 5}}"#, "schema.properties.a: a schema must be an object or a boolean, got number 5"),
            (#"{"properties": {"Unit Price": {"maxLength": -1}}}"#,
             #"schema.properties["Unit Price"].maxLength: expected a non-negative integer, got number -1"#),
            (#"{"minLength": 1.5}"#, "schema.minLength: expected a non-negative integer, got number 1.5"),
            (#"{"multipleOf": 0}"#, "schema.multipleOf: expected a number greater than 0, got number 0"),
            (#"{"minimum": "0"}"#, #"schema.minimum: expected a finite number, got string "0""#),
            (#"{"required": "Id"}"#, #"schema.required: expected a list of property names, got string "Id""#),
            (#"{"items": [{"type": "string"}, {"type": "bogus"}]}"#,
             #"schema.items[1].type: unknown type "bogus" (expected integer, number, string, boolean, object, array or null)"#),
            (#"{"anyOf": []}"#, "schema.anyOf: expected a non-empty list of schemas, got array []"),
            (#"{"format": 1}"#, "schema.format: expected a string, got number 1"),
            (#"{"enum": "a"}"#, #"schema.enum: expected a list of values, got string "a""#),
            (#"{"additionalProperties": 1}"#, "schema.additionalProperties: a schema must be an object or a boolean, got number 1"),
            ("[]", "schema: a schema must be an object or a boolean, got array []"),
        ]
        for (text, expected) in cases {
            #expect(try Support.schemaError(text) == expected, "\(text)")
        }
    }

    @Test func draft3RequiredBooleanIsTolerated() throws {
        let schema = try Support.schema(#"{"type": "object", "properties": {"Id": {"type": "string", "required": true}}}"#)
        #expect(schema.property("Id")?.required == [])
        #expect(schema.isValid([:]))
    }

    @Test func maxLengthOfOneDotZeroIsAnInteger() throws {
        #expect(try Support.schema(#"{"maxLength": 10.0}"#).maxLength == 10)
    }

    @Test func errorPathsCanStartWhereTheSchemaLives() throws {
        let path = JSONPath(root: "catalog").appending(key: "streams").appending(index: 2).appending(key: "schema")
        #expect(throws: SchemaError(path: path.appending(key: "type"), reason: "expected a type name or a non-empty list of them, got boolean true")) {
            try JSONSchema(["type": true], path: path)
        }
    }

    @Test func patternPropertiesAreToleratedAndLiftAdditionalProperties() throws {
        let schema = try Support.schema(#"{"type": "object", "properties": {"a": {"type": "integer"}}, "patternProperties": {"^x_": {"type": "string"}}, "additionalProperties": false}"#)
        #expect(schema.isValid(["a": 1, "x_note": 5, "other": true]))
        #expect(!schema.isValid(["a": "one"]))
    }
}
