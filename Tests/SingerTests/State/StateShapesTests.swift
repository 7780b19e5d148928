import Testing

@testable import Singer

/// The state shapes of the reference taps and the SDK: read, used and written back unchanged.
@Suite struct StateShapesTests {
    private func json(_ text: String) throws -> JSONValue {
        var parser = JSONParser()
        return try parser.parse(text)
    }

    private func roundTrip(_ text: String) throws -> String {
        JSONWriter.string(from: try State(json: try json(text)).json)
    }

    @Test func salesforceStateRoundTripsAndReads() throws {
        let text = #"{"current_stream":"Opportunity","bookmarks":{"Account":{"SystemModstamp":"2021-01-03T00:00:00.000000Z"},"#
            + #""Opportunity":{"JobID":"750x0000000005LAAQ","BatchIDs":["751x00000000079AAA","751x0000000007AAAQ"],"JobHighestBookmarkSeen":"2021-01-02T10:00:00.000000Z","version":1600000000000}},"#
            + #""versions":{"Account":1795948757043}}"#
        #expect(try roundTrip(text) == text)
        let state = try State(json: try json(text))
        #expect(state.currentStream == "Opportunity")
        #expect(state.currentStreamKey == .currentStream)
        #expect(state.replicationKeyValue(stream: "Account", replicationKey: "SystemModstamp") == "2021-01-03T00:00:00.000000Z")
        #expect(state.bookmark(stream: "Opportunity", key: "BatchIDs")?.arrayValue?.count == 2)
        #expect(state.bookmark(stream: "Opportunity", key: "JobHighestBookmarkSeen") == "2021-01-02T10:00:00.000000Z")
        #expect(state.version(stream: "Account") == 1_795_948_757_043)
        #expect(state.version(stream: "Opportunity") == 1_600_000_000_000)  // the older place
    }

    @Test func salesforceTapWritesCurrentStreamAndClearsPKChunkingKeys() throws {
        var state = try State(json: try json(
            #"{"current_stream":null,"bookmarks":{"Account":{"JobID":"750","BatchIDs":["751"],"JobHighestBookmarkSeen":"2021-01-02T00:00:00.000000Z"}}}"#))
        state.currentStream = "Account"
        state.setBookmark(stream: "Account", key: "SystemModstamp", value: "2021-01-02T00:00:00.000000Z")
        for key in ["JobID", "BatchIDs", "JobHighestBookmarkSeen"] { state.clearBookmark(stream: "Account", key: key) }
        state.setVersion(1_795_948_757_043, stream: "Account")
        state.currentStream = nil
        #expect(JSONWriter.string(from: state.json)
            == #"{"current_stream":null,"bookmarks":{"Account":{"SystemModstamp":"2021-01-02T00:00:00.000000Z"}},"versions":{"Account":1795948757043}}"#)
    }

    @Test func zuoraStateRoundTripsAndKeepsVersionInTheBookmark() throws {
        let text = #"{"current_stream":"Invoice","bookmarks":{"#
            + #""Account":{"version":1795948869,"UpdatedDate":"2024-02-03T08:00:00.000000Z","file_ids":null,"current_window_end":"2024-02-04T00:00:00Z"},"#
            + #""Invoice":{"version":1795948869,"file_ids":["F_123"],"window_length":86400}}}"#
        #expect(try roundTrip(text) == text)
        var state = try State(json: try json(text))
        #expect(state.version(stream: "Invoice") == 1_795_948_869)
        #expect(state.bookmark(stream: "Invoice", key: "file_ids") == ["F_123"])
        #expect(state.replicationKeyValue(stream: "Account", replicationKey: "UpdatedDate") == "2024-02-03T08:00:00.000000Z")
        state.setVersion(1_795_949_000, stream: "Invoice", location: .bookmark)
        state.setBookmark(stream: "Invoice", key: "file_ids", value: nil)
        #expect(JSONWriter.string(from: state.bookmark(stream: "Invoice")?.json ?? nil)
            == #"{"version":1795949000,"file_ids":null,"window_length":86400}"#)
        #expect(state["versions"] == nil)
    }

    @Test func marketoStateRoundTripsAndResumesAnExport() throws {
        let text = #"{"bookmarks":{"leads":{"updatedAt":"2026-11-29T10:42:16+00:00","export_id":"e-42","export_end":"2026-11-30T00:00:00+00:00"},"#
            + #""campaigns":{"updatedAt":"2026-11-29T10:43:35.538321+00:00","next_page_token":null}},"currently_syncing":"leads"}"#
        #expect(try roundTrip(text) == text)
        var state = try State(json: try json(text))
        #expect(state.currentStreamKey == .currentlySyncing)
        #expect(state.currentStream == "leads")
        #expect(state.bookmark(stream: "leads", key: "export_id") == "e-42")
        #expect(state.replicationKeyValue(stream: "campaigns", replicationKey: "updatedAt") == "2026-11-29T10:43:35.538321+00:00")
        state.setBookmark(stream: "leads", key: "export_id", value: nil)
        state.setBookmark(stream: "leads", key: "export_end", value: nil)
        state.currentStream = nil
        #expect(JSONWriter.string(from: state.json).hasSuffix(
            #""leads":{"updatedAt":"2026-11-29T10:42:16+00:00","export_id":null,"export_end":null},"campaigns":{"updatedAt":"2026-11-29T10:43:35.538321+00:00","next_page_token":null}},"currently_syncing":null}"#))
    }

    @Test func sdkStateRoundTripsWithPartitionsAndProgressMarkers() throws {
        let text = #"{"bookmarks":{"users":{"replication_key":"updated_at","replication_key_value":"2024-01-03T00:00:00+00:00"},"#
            + #""events":{"partitions":[{"context":{"account_id":1},"replication_key":"ts","replication_key_value":100},"#
            + #"{"context":{"account_id":2},"replication_key":"ts","replication_key_value":250,"replication_key_signpost":300,"starting_replication_value":200}]},"#
            + #""orders":{"starting_replication_value":"2024-01-01","replication_key_signpost":"2024-01-05T00:00:00+00:00","#
            + #""progress_markers":{"Note":"Progress is not resumable if interrupted.","replication_key":"updated","replication_key_value":"2024-01-04"}}}}"#
        #expect(try roundTrip(text) == text)
        let state = try State(json: try json(text))
        #expect(state.replicationKeyValue(stream: "users") == "2024-01-03T00:00:00+00:00")
        #expect(state.replicationKeyValue(stream: "users", replicationKey: "updated_at") == "2024-01-03T00:00:00+00:00")
        #expect(state.replicationKeyValue(stream: "events", context: ["account_id": 2]) == 250)
        #expect(state.replicationKeyValue(stream: "events", context: ["account_id": 3]) == nil)
        let orders = try #require(state.bookmark(stream: "orders"))
        #expect(orders.progressMarkers?["replication_key_value"] == "2024-01-04")
        #expect(orders.startingReplicationValue == "2024-01-01")
    }

    @Test func emptyNullAndWrappedStateMessagesAreAccepted() throws {
        #expect(try State(json: [:]).isEmpty)
        #expect(try State(json: .null).isEmpty)
        let wrapped = try State(json: try json(#"{"type":"STATE","value":{"bookmarks":{"a":{"id":3}}}}"#))
        #expect(JSONWriter.string(from: wrapped.json) == #"{"bookmarks":{"a":{"id":3}}}"#)
    }

    @Test func malformedStatesAreRejectedSayingWhere() throws {
        #expect(throws: StateError.notAnObject(found: "array")) { try State(json: []) }
        #expect(throws: StateError.invalidSection(key: "bookmarks", found: "string")) { try State(json: ["bookmarks": "x"]) }
        #expect(throws: StateError.invalidStreamBookmark(stream: "Account", found: "integer")) {
            try State(json: ["bookmarks": ["Account": 5]])
        }
        do {
            _ = try State(json: ["versions": [1]])
        } catch {
            #expect(error.description == #"state: "versions" must be an object keyed by stream, found array"#)
        }
    }

    @Test func callerChoosesWhichCurrentStreamKeyIsWritten() throws {
        var state = try State(json: ["currently_syncing": "leads", "bookmarks": [:]], currentStreamKey: .currentStream)
        #expect(state.currentStream == "leads")
        state.currentStream = "activities"
        #expect(state["currently_syncing"] == nil)
        #expect(state["current_stream"] == "activities")
        state.setCurrentStream("leads", key: .currentlySyncing)
        #expect(JSONWriter.string(from: state.json) == #"{"bookmarks":{},"currently_syncing":"leads"}"#)
    }
}
