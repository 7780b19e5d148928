import Testing

@testable import Singer

@Suite struct SchemaValidationTests {
    typealias Support = SchemaTestSupport

    static let opportunity = """
        {"type": "object",
         "required": ["Id"],
         "properties": {
           "Id": {"type": "string"},
           "Amount": {"type": ["null", "number"]},
           "LineItems": {"type": ["null", "array"],
                         "items": {"type": "object",
                                   "properties": {"Name": {"type": "string"}, "Price": {"type": "number"}}}},
           "Account": {"type": "object", "properties": {"Owner": {"type": "object", "properties": {"Email": {"type": "string"}}}}}
         }}
        """

    @Test func typeMismatchDescribesExpectationAndValue() throws {
        let schema = try Support.schema(#"{"type": "object", "properties": {"Amount": {"type": ["null", "number"]}}}"#)
        #expect(try Support.errors(schema, #"{"Amount": "abc"}"#) == [#"record.Amount: expected number or null, got string "abc""#])
        let error = try #require(schema.validate(["Amount": "abc"]).first)
        #expect(error.kind == .type)
        #expect(error.path == JSONPath(root: "record", components: [.key("Amount")]))
        #expect(error.message == #"expected number or null, got string "abc""#)
    }

    @Test func nullPassesTypeListsWithNullInEitherPosition() throws {
        for text in [#"{"type": ["null", "string"]}"#, #"{"type": ["string", "null"]}"#] {
            let schema = try Support.schema(text)
            #expect(schema.isValid(nil))
            #expect(schema.isValid("x"))
            #expect(try Support.errors(schema, "1") == ["record: expected string or null, got number 1"])
        }
    }

    @Test func validRecordHasNoErrors() throws {
        let schema = try Support.schema(Self.opportunity)
        let record = #"{"Id": "006A", "Amount": null, "LineItems": [{"Name": "a", "Price": 1.5}], "Account": {"Owner": {"Email": "x@y"}}}"#
        #expect(try Support.errors(schema, record).isEmpty)
        #expect(schema.isValid(try Support.json(record)))
        #expect(throws: Never.self) { try schema.ensureValid(try Support.json(record)) }
    }

    @Test func nestedErrorsCarryTheirFullPath() throws {
        let schema = try Support.schema(Self.opportunity)
        let record = """
            {"Id": "006A", "LineItems": [{"Name": "a", "Price": 1}, {"Name": "b", "Price": "abc"}, {"Name": 3, "Price": 2}],
             "Account": {"Owner": {"Email": false}}}
            """
        #expect(try Support.errors(schema, record) == [
            #"record.LineItems[1].Price: expected number, got string "abc""#,
            "record.LineItems[2].Name: expected string, got number 3",
            "record.Account.Owner.Email: expected string, got boolean false",
        ])
    }

    @Test func ensureValidThrowsTheFirstError() throws {
        let schema = try Support.schema(Self.opportunity)
        let record = try Support.json(#"{"Id": 1, "Amount": "x"}"#)
        #expect(throws: SchemaViolation(path: JSONPath(root: "record", components: [.key("Id")]), kind: .type, message: "expected string, got number 1")) {
            try schema.ensureValid(record)
        }
    }

    @Test func rootNameIsConfigurable() throws {
        let validator = SchemaValidator(try Support.schema(#"{"type": "integer"}"#), rootName: "value")
        #expect(validator.validate("x").map(\.description) == [#"value: expected integer, got string "x""#])
    }

    @Test func keysThatAreNotNamesAreQuotedInPaths() throws {
        let schema = try Support.schema(#"{"properties": {"Unit.Price": {"type": "number"}, "first name": {"type": "string"}}}"#)
        #expect(try Support.errors(schema, #"{"Unit.Price": "x", "first name": 1}"#) == [
            #"record["Unit.Price"]: expected number, got string "x""#,
            #"record["first name"]: expected string, got number 1"#,
        ])
    }

    @Test func missingRequiredPropertiesAreReported() throws {
        let schema = try Support.schema(#"{"type": "object", "required": ["Id", "Name", "Extra"], "properties": {"Id": {"type": "string"}, "Name": {"type": ["string", "null"]}}}"#)
        #expect(try Support.errors(schema, #"{"Name": null}"#) == [
            "record.Id: required property is missing",
            "record.Extra: required property is missing",
        ])
        #expect(schema.isValid(["Id": "1", "Name": nil, "Extra": 0]))
        #expect(schema.validate([:]).map(\.kind) == [.required, .required, .required])
    }

    @Test func requiredStillCountsWhenMembersComeOutOfOrder() throws {
        let schema = try Support.schema(#"{"required": ["a", "b", "c"], "properties": {"a": {}, "b": {}, "c": {}}}"#)
        #expect(try Support.errors(schema, #"{"c": 1, "a": 2, "b": 3}"#).isEmpty)
        #expect(try Support.errors(schema, #"{"c": 1, "c": 2, "a": 3}"#) == ["record.b: required property is missing"])
    }

    @Test func moreThanSixtyFourRequiredNamesAreAllChecked() throws {
        let names = (0..<70).map { "field\($0)" }
        let schema = try JSONSchema(["required": .array(names.map(JSONValue.string))])
        var record = JSONObject()
        for name in names where name != "field68" { record[name] = 1 }
        #expect(schema.validate(.object(record)).map(\.description) == ["record.field68: required property is missing"])
    }

    @Test func additionalPropertiesFalseRejectsUnknownMembers() throws {
        let schema = try Support.schema(#"{"type": "object", "properties": {"Id": {"type": "string"}}, "required": ["Id"], "additionalProperties": false}"#)
        #expect(try Support.errors(schema, #"{"Id": "1", "Foo": 2, "Bar": null}"#) == [
            "record.Foo: property is not allowed",
            "record.Bar: property is not allowed",
        ])
        #expect(schema.validate(["Id": "1", "Foo": 2]).first?.kind == .additionalProperty)
    }

    @Test func additionalPropertiesSchemaChecksUnknownMembers() throws {
        let schema = try Support.schema(#"{"properties": {"Id": {"type": "string"}}, "additionalProperties": {"type": "integer"}}"#)
        #expect(try Support.errors(schema, #"{"Id": "1", "Count": 2, "Note": "x"}"#) == [#"record.Note: expected integer, got string "x""#])
    }

    @Test func objectsWithoutPropertiesAcceptAnyMembers() throws {
        let schema = try Support.schema(#"{"type": "object", "properties": {"Meta": {"type": ["object", "null"]}}}"#)
        #expect(schema.isValid(["Meta": ["anything": [1, 2], "more": nil]]))
        #expect(try Support.errors(schema, #"{"Meta": []}"#) == ["record.Meta: expected object or null, got array []"])
    }

    @Test func tupleItemsCheckEachPosition() throws {
        let schema = try Support.schema(#"{"type": "array", "items": [{"type": "string"}, {"type": "integer"}]}"#)
        #expect(schema.tupleItems?.count == 2)
        #expect(schema.isValid(["a", 1, "extra", nil]))
        #expect(try Support.errors(schema, #"[1, "b"]"#) == [
            "record[0]: expected string, got number 1",
            #"record[1]: expected integer, got string "b""#,
        ])
    }

    @Test func camelcaseComplexSchemaAnyOfAcceptsEitherBranch() throws {
        let schema = try Support.schema(#"{"type": "object", "properties": {"updatedAt": {"anyOf": [{"type": "string", "format": "date-time"}, {"type": ["string", "null"]}]}}}"#)
        for value in [#""2024-01-02T03:04:05Z""#, #""not a date""#, "null"] {
            #expect(try Support.errors(schema, #"{"updatedAt": \#(value)}"#).isEmpty, "\(value)")
        }
        #expect(try Support.errors(schema, #"{"updatedAt": 5}"#) == [
            "record.updatedAt: does not match any of the allowed schemas (expected string, got number 5; expected string or null, got number 5)",
        ])
    }

    @Test func anyOfReportsNestedReasonsWithTheirPlace() throws {
        let schema = try Support.schema(#"{"anyOf": [{"type": "object", "properties": {"Price": {"type": "number"}}}, {"type": "null"}]}"#)
        #expect(try Support.errors(schema, #"{"Price": "x"}"#) == [
            #"record: does not match any of the allowed schemas (Price: expected number, got string "x"; expected null, got object {"Price":"x"})"#,
        ])
    }

    @Test func oneOfNeedsExactlyOneMatch() throws {
        let schema = try Support.schema(#"{"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 10}]}"#)
        #expect(schema.isValid(3))
        #expect(schema.isValid(10.5))
        #expect(try Support.errors(schema, "12") == ["record: matches oneOf[0] and oneOf[1], but must match exactly one"])
        #expect(try Support.errors(schema, #""x""#) == [
            #"record: does not match any of the allowed schemas (expected integer, got string "x"; expected number, got string "x")"#,
        ])
    }

    @Test func allOfAppliesEveryMember() throws {
        let schema = try Support.schema(#"{"allOf": [{"type": "string"}, {"maxLength": 3}]}"#)
        #expect(schema.isValid("abc"))
        #expect(try Support.errors(schema, #""abcd""#) == ["record: expected at most 3 characters, got 4"])
    }

    @Test func notRejectsWhatItsSchemaAccepts() throws {
        let schema = try Support.schema(#"{"not": {"type": "null"}}"#)
        #expect(schema.isValid(1))
        #expect(try Support.errors(schema, "null") == [#"record: must not match the "not" schema, got null"#])
    }

    @Test func enumAndConstUseJSONEquality() throws {
        let schema = try Support.schema(#"{"properties": {"Stage": {"enum": ["Open", "Closed", null]}, "Rate": {"enum": [1, 2.5]}, "Kind": {"const": "deal"}}}"#)
        #expect(schema.isValid(["Stage": nil, "Rate": .number(JSONNumber("1.0")!), "Kind": "deal"]))
        #expect(try Support.errors(schema, #"{"Stage": "Won", "Rate": 2.50, "Kind": "lead"}"#) == [
            #"record.Stage: expected one of ["Open","Closed",null], got "Won""#,
            #"record.Kind: expected "deal", got "lead""#,
        ])
        #expect(schema.property("Kind")?.enumValues == ["deal"])
    }

    @Test func longValuesAreTruncatedInMessages() throws {
        let schema = try Support.schema(#"{"type": "integer"}"#)
        let long = String(repeating: "x", count: 500)
        let message = try #require(schema.validate(.string(long)).first?.message)
        #expect(message == "expected integer, got string \"" + String(repeating: "x", count: 58) + "…")
    }

    @Test func allErrorsOfARecordAreCollectedInOrder() throws {
        let schema = try Support.schema(#"{"properties": {"a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": "string"}}}"#)
        #expect(schema.validate(["a": 1, "b": "ok", "c": 3]).map(\.path.description) == ["record.a", "record.c"])
    }
}
