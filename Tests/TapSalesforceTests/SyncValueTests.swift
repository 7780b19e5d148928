import Foundation
import Singer
import Testing

@testable import TapSalesforce

/// A catalog entry for tests: `fields` as (name, schema, sf-type), all selected.
func syncTestEntry(
    _ stream: String = "Account", fields: [(String, JSONValue, String?)], replicationKey: String? = "SystemModstamp",
    extraRoot: JSONObject = [:]
) throws -> CatalogEntry {
    var properties = JSONObject()
    var metadata: [JSONValue] = []
    var root: JSONObject = ["selected": true, "table-key-properties": ["Id"]]
    if let replicationKey { root["replication-key"] = .string(replicationKey) }
    for member in extraRoot { root[member.key] = member.value }
    metadata.append(["breadcrumb": [], "metadata": .object(root)])
    for (name, schema, sfType) in fields {
        properties[name] = schema
        var values: JSONObject = ["inclusion": name == "Id" ? "automatic" : "available", "selected": true]
        if let sfType { values["sf-type"] = .string(sfType) }
        metadata.append(["breadcrumb": ["properties", .string(name)], "metadata": .object(values)])
    }
    return try CatalogEntry(json: [
        "stream": .string(stream), "tap_stream_id": .string(stream),
        "schema": ["type": "object", "properties": .object(properties)], "metadata": .array(metadata),
    ])
}

let nullableString: JSONValue = ["type": ["null", "string"]]
let dateTimeSchema: JSONValue = ["type": ["null", "string"], "format": "date-time"]

/// Encodes REST records and CSV rows with a plan and returns the `record` objects written.
struct EncoderHarness {
    var encoder: RecordEncoder
    let plan: StreamPlan

    init(_ entry: CatalogEntry) throws {
        plan = try StreamPlan(entry: entry, selectFieldsByDefault: false)
        encoder = RecordEncoder(plan: plan, version: 7, timeExtracted: "2024-01-01T00:00:00.000000Z")
    }

    mutating func rest(_ json: String) throws -> String {
        var parser = JSONParser()
        let bytes = Array(json.utf8)
        try bytes.withUnsafeBytes { buffer in try parser.withDocument(buffer) { try encoder.encode(restRecord: $0) } }
        return String(decoding: encoder.line.bytes, as: UTF8.self)
    }

    mutating func csv(_ text: String) throws -> [String] {
        var parser = CSVParser()
        var columns: [Int?] = []
        var lines: [String] = []
        func onRow(_ row: CSVRow) throws {
            if row.number == 1 { columns = encoder.columns(forHeader: row); return }
            try encoder.encode(csvRow: row, columns: columns)
            lines.append(String(decoding: encoder.line.bytes, as: UTF8.self))
        }
        try parser.push(Data(text.utf8), onRow: onRow)
        try parser.finish(onRow: onRow)
        return lines
    }

    /// The `record` member of a RECORD line, re-serialised compactly.
    static func record(_ line: String) throws -> JSONValue {
        var parser = JSONParser()
        return try parser.parse(line)["record"] ?? .null
    }
}

@Suite struct SyncValueTests {
    static func opportunityEntry() throws -> CatalogEntry {
        try syncTestEntry("Opportunity", fields: [
            ("Id", ["type": "string"], "id"),
            ("Name", nullableString, "string"),
            ("Amount", ["type": ["null", "number"]], "currency"),
            ("Quantity", ["type": ["null", "integer"]], "int"),
            ("IsWon", ["type": ["null", "boolean"]], "boolean"),
            ("CloseDate", ["type": ["null", "string"], "format": "date"], "date"),
            ("SystemModstamp", dateTimeSchema, "datetime"),
            ("BillingAddress", ["type": ["null", "object"], "properties": ["city": nullableString]], "address"),
        ])
    }

    @Test func restRecordDropsAttributesNormalisesDatetimesAndKeepsNumbersExact() throws {
        var harness = try EncoderHarness(Self.opportunityEntry())
        let line = try harness.rest(#"""
            {"attributes":{"type":"Opportunity","url":"/x"},"Id":"006A","Name":"Zoë \"Q\"","Amount":12345678901234.99,
             "Quantity":3.0,"IsWon":true,"CloseDate":"2024-02-29","SystemModstamp":"2013-05-20T20:49:32.000+0000",
             "BillingAddress":{"attributes":{"type":"Address"},"city":"Paris","latitude":48.85}}
            """#)
        #expect(line == #"{"type":"RECORD","stream":"Opportunity","record":{"Id":"006A","Name":"Zoë \"Q\"","Amount":12345678901234.99,"Quantity":3,"IsWon":true,"CloseDate":"2024-02-29","SystemModstamp":"2013-05-20T20:49:32.000000Z","BillingAddress":{"city":"Paris","latitude":48.85}},"version":7,"time_extracted":"2024-01-01T00:00:00.000000Z"}"# + "\n")
        #expect(String(decoding: harness.encoder.highestKey, as: UTF8.self) == "2013-05-20T20:49:32.000000Z")
    }

    @Test func restNullsAndFieldsInAnyOrderAreHandled() throws {
        var harness = try EncoderHarness(Self.opportunityEntry())
        let line = try harness.rest(#"{"SystemModstamp":"2020-01-01T01:00:00.000+0100","Id":"006B","Amount":null,"Unknown":1}"#)
        let record = try EncoderHarness.record(line)
        #expect(record == ["SystemModstamp": "2020-01-01T00:00:00.000000Z", "Id": "006B", "Amount": nil])
    }

    @Test func bulkCSVRowsAreTypedFromTheSchema() throws {
        var harness = try EncoderHarness(Self.opportunityEntry().withoutCompound())
        let lines = try harness.csv(
            "\"Id\",\"Name\",\"Amount\",\"Quantity\",\"IsWon\",\"CloseDate\",\"SystemModstamp\"\n"
                + "\"006A\",\"Acme, \"\"Inc\"\"\nline 2\",\"1000.50\",\"0.0\",\"true\",\"2024-02-29\",\"2013-05-20T20:49:32.000Z\"\n"
                + "\"006B\",\"\",\"\",\"\",\"false\",\"\",\"2013-05-21T00:00:00.000Z\"\n")
        #expect(lines.count == 2)
        #expect(try EncoderHarness.record(lines[0]) == [
            "Id": "006A", "Name": "Acme, \"Inc\"\nline 2", "Amount": .number(JSONNumber("1000.50")!), "Quantity": 0,
            "IsWon": true, "CloseDate": "2024-02-29", "SystemModstamp": "2013-05-20T20:49:32.000000Z",
        ])
        #expect(try EncoderHarness.record(lines[1]) == [
            "Id": "006B", "Name": nil, "Amount": nil, "Quantity": nil, "IsWon": false, "CloseDate": nil,
            "SystemModstamp": "2013-05-21T00:00:00.000000Z",
        ])
        #expect(lines[0].contains(#""Amount":1000.50,"#), "the number's text is copied, not reformatted")
        #expect(String(decoding: harness.encoder.highestKey, as: UTF8.self) == "2013-05-21T00:00:00.000000Z")
    }

    @Test func bulkColumnsInAnotherOrderAndShortRowsStillFillTheRightFields() throws {
        var harness = try EncoderHarness(Self.opportunityEntry().withoutCompound())
        let lines = try harness.csv("SystemModstamp,Id,Extra\n2013-05-20T20:49:32.000Z,006A,x\n2013-05-20T20:49:33.000Z\n")
        #expect(try EncoderHarness.record(lines[0]) == ["SystemModstamp": "2013-05-20T20:49:32.000000Z", "Id": "006A"])
        #expect(try EncoderHarness.record(lines[1]) == ["SystemModstamp": "2013-05-20T20:49:33.000000Z", "Id": nil])
    }

    @Test func badBulkValuesAreErrorsNamingStreamFieldAndRow() throws {
        var harness = try EncoderHarness(Self.opportunityEntry().withoutCompound())
        #expect {
            _ = try harness.csv("Id,Quantity\n006A,1.5\n")
        } throws: { error in
            "\(error)".contains("'Opportunity'") && "\(error)".contains("'Quantity'") && "\(error)".contains("row 2")
        }
        #expect(throws: SyncError.self) { _ = try harness.csv("Id,IsWon\n006A,yes\n") }
        #expect(throws: SyncError.self) { _ = try harness.csv("Id,Amount\n006A,1e\n") }
        #expect(throws: SyncError.self) { _ = try harness.csv("Id,SystemModstamp\n006A,yesterday\n") }
    }

    @Test func pythonTapCatalogWithoutSfTypeIsTypedFromTheSchema() throws {
        // The Python tap's date schema: anyOf date-time string / nullable string; no sf-type.
        let pythonDate: JSONValue = ["anyOf": [["type": "string", "format": "date-time"], ["type": ["string", "null"]]]]
        var harness = try EncoderHarness(syncTestEntry(fields: [
            ("Id", ["type": "string"], nil), ("CloseDate", pythonDate, nil), ("SystemModstamp", pythonDate, nil),
            ("NumberOfEmployees", ["type": ["null", "integer"]], nil), ("Formula__c", [:], nil),
        ]))
        let lines = try harness.csv(
            "Id,CloseDate,SystemModstamp,NumberOfEmployees,Formula__c\n001,2021-02-03,2021-02-03T04:05:06.000Z,12.0,42\n001,,,,true\n001,,,,\n001,,,,text\n")
        #expect(try EncoderHarness.record(lines[0]) == [
            "Id": "001", "CloseDate": "2021-02-03T00:00:00.000000Z", "SystemModstamp": "2021-02-03T04:05:06.000000Z",
            "NumberOfEmployees": 12, "Formula__c": 42,
        ])
        #expect(try EncoderHarness.record(lines[1])["Formula__c"] == true)
        #expect(try EncoderHarness.record(lines[2])["Formula__c"] == .null)
        #expect(try EncoderHarness.record(lines[3])["Formula__c"] == "text")
    }

    @Test func timestampTextForms() {
        func normalized(_ text: String) -> String? {
            var output: [UInt8] = []
            let ok = Array(text.utf8).withUnsafeBytes { TimestampText.normalizeDateTime($0, into: &output) }
            return ok ? String(decoding: output, as: UTF8.self) : nil
        }
        #expect(normalized("2013-05-20T20:49:32.000+0000") == "2013-05-20T20:49:32.000000Z")
        #expect(normalized("2013-05-20T20:49:32.123Z") == "2013-05-20T20:49:32.123000Z")
        #expect(normalized("2013-05-20T20:49:32.123456Z") == "2013-05-20T20:49:32.123456Z")
        #expect(normalized("2013-05-20T22:49:32.5+02:00") == "2013-05-20T20:49:32.500000Z")
        #expect(normalized("2013-05-20T20:49:32Z") == "2013-05-20T20:49:32.000000Z")
        #expect(normalized("2013-05-20") == "2013-05-20T00:00:00.000000Z")
        #expect(normalized("2013-02-30") == nil)
        #expect(normalized("20:49:32") == nil)
    }

    @Test func numberTextRules() {
        func isNumber(_ text: String) -> Bool { Array(text.utf8).withUnsafeBytes { NumberText.isJSONNumber($0) } }
        func integer(_ text: String) -> String? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBytes { NumberText.integerPrefixLength($0) }.map { String(decoding: bytes[0..<$0], as: UTF8.self) }
        }
        #expect(isNumber("0") && isNumber("-12.50") && isNumber("1.0E10") && isNumber("3e-2"))
        #expect(!isNumber("") && !isNumber("01") && !isNumber(".5") && !isNumber("5.") && !isNumber("1e") && !isNumber("NaN"))
        #expect(integer("0.0") == "0" && integer("-12.000") == "-12" && integer("7") == "7")
        #expect(integer("1.5") == nil && integer("1e3") == nil && integer("007") == nil && integer("-") == nil)
    }
}

extension CatalogEntry {
    /// The entry without compound fields (Bulk cannot select them).
    func withoutCompound() throws -> CatalogEntry {
        var copy = self
        copy.schema = schema.keepingProperties { $0 != .property("BillingAddress") }
        return copy
    }
}
