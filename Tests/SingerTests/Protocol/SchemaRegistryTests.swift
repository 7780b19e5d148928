import Testing

@testable import Singer

@Suite struct SchemaRegistryTests {
    private let accounts = SchemaMessage(
        stream: "Account",
        schema: ["type": "object", "properties": ["Id": ["type": "string"], "AnnualRevenue": ["type": ["null", "number"]]]],
        keyProperties: ["Id"])

    private func failure(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return (error as? StreamError)?.description ?? "unexpected \(error)"
        }
    }

    @Test func recordBeforeItsSchemaNamesLineAndStream() {
        let registry = SchemaRegistry()
        #expect(failure { try registry.check(RecordMessage(stream: "Account", record: ["Id": "1"]), line: 7) }
            == "line 7 (stream \"Account\"): RECORD before any SCHEMA for this stream")
    }

    @Test func missingKeyPropertyNamesTheField() throws {
        var registry = SchemaRegistry()
        try registry.register(accounts, line: 1)
        #expect(failure { try registry.check(RecordMessage(stream: "Account", record: ["AnnualRevenue": 5]), line: 2) }
            == "line 2 (stream \"Account\"): record.Id: key property is missing or null")
    }

    @Test func invalidRecordNamesLineStreamAndField() throws {
        var registry = SchemaRegistry()
        try registry.register(accounts, line: 1)
        #expect(failure { try registry.check(RecordMessage(stream: "Account", record: ["Id": "1", "AnnualRevenue": "abc"]), line: 3) }
            == "line 3 (stream \"Account\"): record.AnnualRevenue: expected number or null, got string \"abc\"")
        #expect(failure { try registry.check(RecordMessage(stream: "Account", record: ["Id": "1", "AnnualRevenue": nil]), line: 4) } == nil)
    }

    @Test func validationCanBeTurnedOffButKeysAreStillRequired() throws {
        var registry = SchemaRegistry(validatesRecords: false)
        try registry.register(accounts, line: 1)
        #expect(failure { try registry.check(RecordMessage(stream: "Account", record: ["Id": "1", "AnnualRevenue": "abc"]), line: 2) } == nil)
        #expect(failure { try registry.check(RecordMessage(stream: "Account", record: [:]), line: 3) } != nil)
    }

    @Test func invalidSchemaIsRejectedWhereItWasRead() {
        var registry = SchemaRegistry()
        let message = SchemaMessage(stream: "Bad", schema: ["type": "decimal"])
        #expect(failure { try registry.register(message, line: 9) }?.hasPrefix("line 9 (stream \"Bad\"): invalid SCHEMA: schema.type: unknown type \"decimal\"") == true)
    }

    @Test func aLaterSchemaReplacesTheEarlierOne() throws {
        var registry = SchemaRegistry()
        try registry.register(accounts, line: 1)
        try registry.register(SchemaMessage(stream: "Account", schema: ["type": "object"], keyProperties: []), line: 5)
        #expect(failure { try registry.check(RecordMessage(stream: "Account", record: ["AnnualRevenue": "abc"]), line: 6) } == nil)
    }
}
