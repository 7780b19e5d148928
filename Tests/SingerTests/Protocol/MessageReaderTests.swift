import Testing

@testable import Singer

@Suite struct MessageReaderTests {
    private func messages(_ text: String, unknown: UnknownTypes? = nil) throws -> [Message] {
        var reader = MessageReader(lines: LineReader(bytes: Array(text.utf8)), onUnknownType: { type, line in unknown?.seen.append("\(type)@\(line)") })
        var result: [Message] = []
        while let message = try reader.next() { result.append(message) }
        return result
    }

    private final class UnknownTypes { var seen: [String] = [] }

    private func error(_ text: String) -> MessageError? {
        do {
            _ = try messages(text)
            return nil
        } catch {
            return error as? MessageError
        }
    }

    @Test func readsEveryMessageType() throws {
        let input = """
            {"type":"SCHEMA","stream":"users","schema":{"type":"object","properties":{"id":{"type":"integer"}}},"key_properties":["id"],"bookmark_properties":["updated_at"]}
            {"type":"RECORD","stream":"users","record":{"id":1},"version":1700000000000,"time_extracted":"2024-01-02T03:04:05+00:00"}
            {"type":"STATE","value":{"bookmarks":{"users":{"replication_key":"updated_at","replication_key_value":"2024-01-03T00:00:00+00:00"}}}}
            {"type":"ACTIVATE_VERSION","stream":"users","version":1700000000000}
            {"type":"BATCH","stream":"users","encoding":{"format":"jsonl","compression":"gzip"},"manifest":["file:///tmp/users--1.json.gz"]}
            """
        let read = try messages(input)
        #expect(read == [
            .schema(SchemaMessage(stream: "users", schema: ["type": "object", "properties": ["id": ["type": "integer"]]], keyProperties: ["id"], bookmarkProperties: ["updated_at"])),
            .record(RecordMessage(stream: "users", record: ["id": 1], version: 1_700_000_000_000, timeExtracted: "2024-01-02T03:04:05+00:00")),
            .state(StateMessage(value: ["bookmarks": ["users": ["replication_key": "updated_at", "replication_key_value": "2024-01-03T00:00:00+00:00"]]])),
            .activateVersion(ActivateVersionMessage(stream: "users", version: 1_700_000_000_000)),
            .batch(BatchMessage(stream: "users", encoding: .init(format: "jsonl", compression: "gzip"), manifest: ["file:///tmp/users--1.json.gz"])),
        ])
    }

    @Test func writtenMessagesReadBackIdentically() throws {
        let originals: [Message] = [
            .schema(SchemaMessage(stream: "a", schema: ["type": ["string", "null"]], keyProperties: [])),
            .record(RecordMessage(stream: "a", record: ["x": "line\nbreak", "n": .number(JSONNumber("12345678901234.99")!)], version: 3, timeExtracted: "2024-01-02T03:04:05.000000Z")),
            .state(StateMessage(value: [:])),
            .activateVersion(ActivateVersionMessage(stream: "a", version: 3)),
        ]
        let text = originals.map(MessageEncoder.line).joined()
        #expect(try messages(text) == originals)
        #expect(MessageEncoder.line(originals[3]) == "{\"type\":\"ACTIVATE_VERSION\",\"stream\":\"a\",\"version\":3}\n")
    }

    @Test func toleratesWhatTheEcosystemWrites() throws {
        // singer-python's spaced separators, no key_properties, a bare-string key, unknown keys, lower case.
        let input = """
            {"type": "SCHEMA", "stream": "s", "schema": {"type": "object"}, "$schema": "x"}
            {"type": "SCHEMA", "stream": "t", "schema": {"type": "object"}, "key_properties": "id"}

            {"type": "record", "stream": "s", "record": {"v": NaN}, "extra": true}
            """
        let read = try messages(input)
        #expect(read.count == 3)
        guard case .schema(let first) = read[0], case .schema(let second) = read[1], case .record(let record) = read[2] else {
            Issue.record("unexpected messages \(read)")
            return
        }
        #expect(first.keyProperties == nil)
        #expect(second.keyProperties == ["id"])
        #expect(record.record["v"]?.numberValue?.isFinite == false)
    }

    @Test func unknownTypesAreReportedAndSkipped() throws {
        let unknown = UnknownTypes()
        let read = try messages("{\"type\":\"FOO\"}\n{\"type\":\"STATE\",\"value\":1}", unknown: unknown)
        #expect(read == [.state(StateMessage(value: 1))])
        #expect(unknown.seen == ["FOO@1"])
    }

    @Test func strictWhereItMattersWithLineNumbers() {
        #expect(error("{\"type\":\"STATE\",\"value\":{}}\n{\"type\":\"RECORD\",\"stream\":\"s\",\"record\":[1]}")?.description
            == "line 2 (stream \"s\"): RECORD \"record\" must be an object, got array")
        #expect(error("{\"stream\":\"s\"}")?.description == "line 1: message has no \"type\"")
        #expect(error("[1]")?.description == "line 1: a Singer message must be a JSON object, got array")
        #expect(error("{\"type\":\"RECORD\",\"stream\":\"s\"}")?.description == "line 1 (stream \"s\"): RECORD message has no \"record\"")
        #expect(error("{\"type\":\"RECORD\",\"record\":{}}")?.description == "line 1: RECORD message has no \"stream\"")
        #expect(error("\n\n{\"type\":\"STATE\",\"value\":}")?.description == "line 3: invalid JSON at byte 24: expected a value, found '}'")
        #expect(error("{\"type\":\"ACTIVATE_VERSION\",\"stream\":\"s\",\"version\":1.5}")?.description
            == "line 1 (stream \"s\"): ACTIVATE_VERSION \"version\" must be an integer, got number")
    }

    @Test func recordsStayInWireFormUntilAskedFor() throws {
        let line = #"{"type":"RECORD","stream":"s","record":{"Id":"001","Amount":12345678901234.99,"Tags":["a"]}}"#
        var reader = MessageReader(lines: LineReader(bytes: Array((line + "\n" + line).utf8)))
        guard case .record(var record) = try reader.next(), case .record(let second) = try reader.next() else {
            Issue.record("expected two records")
            return
        }
        let raw = try #require(record.rawRecord)
        // The copy outlives the reader's buffer, which the second line has overwritten.
        #expect(raw.withElement { $0.member("Amount")?.numberValue?.text } == "12345678901234.99")
        #expect(record.record == ["Id": "001", "Amount": .number(JSONNumber("12345678901234.99")!), "Tags": ["a"]])
        #expect(record == second)
        record.record["Id"] = "002"
        #expect(record.rawRecord == nil)
        #expect(record.record["Id"] == "002")
    }

    @Test func objectFormBuildsRecordsAtOnce() throws {
        var decoder = MessageDecoder(recordForm: .object)
        guard case .message(.record(let record)) = try decoder.decode(#"{"type":"RECORD","stream":"s","record":{"a":1}}"#) else {
            Issue.record("expected a record")
            return
        }
        #expect(record.rawRecord == nil)
        #expect(record.record == ["a": 1])
    }

    @Test func bothTimeExtractedFormsAreAccepted() throws {
        let text = """
            {"type":"RECORD","stream":"s","record":{},"time_extracted":"2024-01-02T03:04:05.000000Z"}
            {"type":"RECORD","stream":"s","record":{},"time_extracted":"2024-01-02T03:04:05+00:00"}
            """
        let times = try messages(text).compactMap { message -> String? in
            if case .record(let record) = message { record.timeExtracted } else { nil }
        }
        #expect(times == ["2024-01-02T03:04:05.000000Z", "2024-01-02T03:04:05+00:00"])
        #expect(times.compactMap { RFC3339.parseDateTime($0)?.secondsSince1970 }.count == 2)
    }
}
