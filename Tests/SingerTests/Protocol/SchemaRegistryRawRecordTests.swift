import Testing

@testable import Singer

/// A RECORD read from input is checked in its wire form; a record built in code as a
/// `JSONObject`. Both must fail the same way, with the same line, stream and field.
@Suite struct SchemaRegistryRawRecordTests {
    private let opportunities = SchemaMessage(
        stream: "Opportunity",
        schema: [
            "type": "object",
            "required": ["Id"],
            "properties": [
                "Id": ["type": "string"],
                "Amount": ["type": ["null", "number"], "minimum": 0],
                "CloseDate": ["type": ["null", "string"], "format": "date-time"],
            ],
        ],
        keyProperties: ["Id"])

    /// The record in `line` both ways: as decoded (raw) and rebuilt as an object; what each check threw.
    private func failures(_ registry: SchemaRegistry, _ line: String) throws -> (raw: String?, object: String?) {
        var decoder = MessageDecoder()
        guard case .message(.record(let record)) = try decoder.decode(line) else {
            Issue.record("expected a record")
            return (nil, nil)
        }
        #expect(record.rawRecord != nil)
        let object = RecordMessage(stream: record.stream, record: record.record)
        func failure(_ record: RecordMessage) -> String? {
            do throws(StreamError) {
                try registry.check(record, line: 4)
                return nil
            } catch {
                return error.description
            }
        }
        return (failure(record), failure(object))
    }

    private func record(_ body: String) -> String { #"{"type":"RECORD","stream":"Opportunity","record":\#(body)}"# }

    @Test func rawAndObjectRecordsFailAlike() throws {
        var registry = SchemaRegistry()
        try registry.register(opportunities, line: 1)
        let cases: [(String, String?)] = [
            (#"{"Id":"006A","Amount":1.5,"CloseDate":"2026-11-28T00:00:01.000Z"}"#, nil),
            (#"{"\u0049d":"006A","Amount":null}"#, nil),
            (#"{"Amount":1}"#, #"line 4 (stream "Opportunity"): record.Id: key property is missing or null"#),
            (#"{"Id":"006A","Amount":-1}"#, #"line 4 (stream "Opportunity"): record.Amount: expected at least 0, got -1"#),
            (#"{"Id":"006A","CloseDate":"2026-11-31T00:00:00Z"}"#,
             #"line 4 (stream "Opportunity"): record.CloseDate: expected a date-time like 2024-01-02T03:04:05Z, got "2026-11-31T00:00:00Z""#),
            (#"{"Id":7}"#, #"line 4 (stream "Opportunity"): record.Id: expected string, got number 7"#),
        ]
        for (body, expected) in cases {
            let (raw, object) = try failures(registry, record(body))
            #expect(raw == expected, "\(body)")
            #expect(object == expected, "\(body)")
        }
    }

    @Test func withoutValidationRawRecordsStillNeedTheirKeys() throws {
        var registry = SchemaRegistry(validatesRecords: false)
        try registry.register(opportunities, line: 1)
        #expect(try failures(registry, record(#"{"Id":"006A","Amount":"abc"}"#)) == (nil, nil))
        let missing = #"line 4 (stream "Opportunity"): record.Id: key property is missing or null"#
        #expect(try failures(registry, record(#"{"Amount":1}"#)) == (missing, missing))
    }
}
