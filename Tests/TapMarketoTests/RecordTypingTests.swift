import Foundation
import Singer
import Testing
@testable import TapMarketo

@Suite struct RecordTypingTests {
    /// Parses `csv` and maps every data row through `entry`'s schema.
    static func records(_ csv: String, entry: CatalogEntry, activity: Bool = false) throws -> [JSONObject] {
        var parser = CSVParser()
        var mapper = CSVRecordMapper(schema: entry.schema, selected: Set(entry.propertyNames))
        var records: [JSONObject] = []
        let handle: (CSVRow) throws -> Void = { row in
            guard mapper.hasHeader else { return mapper.readHeader(row) }
            if activity {
                records.append(ActivityRecord.make(
                    row: row, mapper: mapper, schema: entry.schema, selected: mapper.selectedNames,
                    primaryAttributeName: entry.metadata.root["marketo.primary-attribute-name"]?.stringValue,
                    invalid: { _, _ in }))
            } else {
                records.append(mapper.record(from: row))
            }
        }
        try parser.push(Data(csv.utf8), onRow: handle)
        try parser.finish(onRow: handle)
        return records
    }

    @Test func leadValuesAreTypedFromTheSchema() throws {
        let leads = try #require(CatalogTests.catalog["leads"])
        let csv = "id,company,annualRevenue,leadScore,unsubscribed,updatedAt,createdAt,dateOfBirth\r\n"
            + "1,\"Acme, \"\"Inc\"\"\nSecond line\",1234567.891234,12.7,TRUE,2024-01-05T10:00:00Z,2023-12-01T00:00:00-0800,1980-01-02\r\n"
            + "2,null,,null,false,2024-01-06T00:00:00Z,2024-01-01T00:00:00Z,\r\n"
        let records = try Self.records(csv, entry: leads)
        #expect(records.count == 2)
        #expect(records[0]["id"] == 1)
        #expect(records[0]["company"] == "Acme, \"Inc\"\nSecond line")
        #expect(records[0]["annualRevenue"] == .number(try #require(JSONNumber("1234567.891234"))))
        #expect(records[0]["leadScore"] == 12)
        #expect(records[0]["unsubscribed"] == true)
        #expect(records[0]["updatedAt"] == "2024-01-05T10:00:00+00:00")
        #expect(records[0]["createdAt"] == "2023-12-01T00:00:00-08:00")
        #expect(records[0]["dateOfBirth"] == "1980-01-02T00:00:00+00:00")
        #expect(records[1]["company"] == .null)
        #expect(records[1]["annualRevenue"] == .null)
        #expect(records[1]["leadScore"] == .null)
        #expect(records[1]["unsubscribed"] == false)
    }

    @Test func unselectedColumnsAreDropped() throws {
        let leads = try #require(CatalogTests.catalog["leads"])
        var mapper = CSVRecordMapper(schema: leads.schema, selected: ["id", "updatedAt"])
        var parser = CSVParser()
        var records: [JSONObject] = []
        try parser.push(Data("id,company,updatedAt\n7,Acme,2024-01-05T10:00:00Z\n".utf8)) { row in
            if mapper.hasHeader { records.append(mapper.record(from: row)) } else { mapper.readHeader(row) }
        }
        try parser.finish { _ in }
        #expect(records == [["id": 7, "updatedAt": "2024-01-05T10:00:00+00:00"]])
    }

    @Test func activityRowsAreFlattenedWithCleanedAttributes() throws {
        let visits = try #require(CatalogTests.catalog["activities_visit_webpage"])
        let csv = "marketoGUID,leadId,activityDate,activityTypeId,campaignId,primaryAttributeValueId,primaryAttributeValue,attributes\n"
            + "102988,1,2023-01-16T23:32:19Z,1,null,71,/pricing,\"{\"\"Client IP Address\"\":\"\"10.0.19.252\"\",\"\"Is Mobile\"\":false}\"\n"
            + "102989,2,2023-01-17T00:00:00Z,1,5,72,/home,{}\n"
        let records = try Self.records(csv, entry: visits, activity: true)
        #expect(records.count == 2)
        #expect(records[0]["marketoGUID"] == "102988")
        #expect(records[0]["leadId"] == 1)
        #expect(records[0]["activityDate"] == "2023-01-16T23:32:19+00:00")
        #expect(records[0]["campaignId"] == .null)
        #expect(records[0]["primary_attribute_value"] == "/pricing")
        #expect(records[0]["primary_attribute_value_id"] == "71")
        #expect(records[0]["primary_attribute_name"] == "webpage_id")
        #expect(records[0]["client_ip_address"] == "10.0.19.252")
        #expect(records[0]["is_mobile"] == false)
        #expect(records[1]["campaignId"] == 5)
        #expect(records[1]["client_ip_address"] == nil)
    }

    @Test func unreadableValuesBecomeNullAndAreReported() {
        var reported: [String] = []
        let integer = FieldConverter(schema: ["type": ["null", "integer"]])
        #expect(integer.convert("abc") { reported.append($0) } == .null)
        let date = FieldConverter(schema: ["type": ["null", "string"], "format": "date-time"])
        #expect(date.convert("not a date") { reported.append($0) } == .null)
        #expect(reported == ["abc", "not a date"])
        #expect(integer.convert("-3.9") == -3)
    }
}
