import Testing

@testable import Singer

/// Moving bookmarks during a sync: the SDK's sorted and unsorted paths, signposts, partitions,
/// and the singer-io helpers.
@Suite struct BookmarkProgressTests {
    @Test func sortedStreamMovesTheBookmarkButNeverPastTheSignpost() throws {
        var state = State()
        state.updateBookmark(stream: "users") { $0.replicationKeySignpost = "2024-01-03T00:00:00+00:00" }
        try state.advanceReplicationKeyValue(stream: "users", replicationKey: "updated_at", to: "2024-01-02T00:00:00Z", isSorted: true)
        #expect(state.replicationKeyValue(stream: "users") == "2024-01-02T00:00:00Z")
        // A record changed after the sync started is emitted, but the bookmark stops at the start.
        try state.advanceReplicationKeyValue(stream: "users", replicationKey: "updated_at", to: "2024-01-03T05:00:00Z", isSorted: true)
        #expect(state.replicationKeyValue(stream: "users") == "2024-01-03T00:00:00+00:00")
        state.finalizeProgress(stream: "users")
        #expect(JSONWriter.string(from: state.json)
            == #"{"bookmarks":{"users":{"replication_key":"updated_at","replication_key_value":"2024-01-03T00:00:00+00:00"}}}"#)
    }

    @Test func sortedStreamGoingBackwardsIsAnErrorNamingTheStream() throws {
        var state = try State(json: ["bookmarks": ["users": ["replication_key": "id", "replication_key_value": 10]]])
        #expect(throws: StateError.unsortedReplicationValue(stream: "users", replicationKey: "id", bookmark: 10, value: 9)) {
            try state.advanceReplicationKeyValue(stream: "users", replicationKey: "id", to: 9, isSorted: true)
        }
        try state.advanceReplicationKeyValue(stream: "users", replicationKey: "id", to: 10, isSorted: true)
        #expect(state.replicationKeyValue(stream: "users") == 10)
    }

    @Test func unsortedStreamKeepsItsMaximumInProgressMarkersUntilFinalized() throws {
        var state = try State(json: ["bookmarks": ["orders": ["replication_key": "n", "replication_key_value": 5, "replication_key_signpost": 40]]])
        for value: JSONValue in [20, 7, 55, 30] {
            try state.advanceReplicationKeyValue(stream: "orders", replicationKey: "n", to: value, isSorted: false)
        }
        let midSync = try #require(state.bookmark(stream: "orders"))
        #expect(midSync.replicationKeyValue == 5)  // not resumable mid-sync
        #expect(midSync.progressMarkers?["replication_key_value"] == 40)  // 55 capped at the signpost
        #expect(midSync.progressMarkers?["Note"] == "Progress is not resumable if interrupted.")
        state.finalizeProgress(stream: "orders")
        #expect(JSONWriter.string(from: state.json) == #"{"bookmarks":{"orders":{"replication_key":"n","replication_key_value":40}}}"#)
    }

    @Test func partitionsAdvanceIndependently() throws {
        var state = State()
        try state.advanceReplicationKeyValue(stream: "events", replicationKey: "ts", to: 100, isSorted: true, context: ["account_id": 1])
        try state.advanceReplicationKeyValue(stream: "events", replicationKey: "ts", to: 7, isSorted: true, context: ["account_id": 2])
        try state.advanceReplicationKeyValue(stream: "events", replicationKey: "ts", to: 120, isSorted: true, context: ["account_id": 1])
        #expect(state.replicationKeyValue(stream: "events", context: ["account_id": 1]) == 120)
        #expect(state.replicationKeyValue(stream: "events", context: ["account_id": 2]) == 7)
        #expect(state.bookmark(stream: "events")?.partitions?.count == 2)
    }

    @Test func singerIOBookmarkMovesForwardOnlyAndStopsAtTheSyncStart() {
        var state = State(currentStreamKey: .currentStream)
        let syncStart: JSONValue = "2021-01-05T00:00:00.000000Z"
        state.advanceBookmark(stream: "Account", key: "SystemModstamp", to: "2021-01-03T00:00:00.000000Z", notPast: syncStart)
        state.advanceBookmark(stream: "Account", key: "SystemModstamp", to: "2021-01-02T00:00:00.000000Z", notPast: syncStart)
        #expect(state.bookmark(stream: "Account", key: "SystemModstamp") == "2021-01-03T00:00:00.000000Z")
        state.advanceBookmark(stream: "Account", key: "SystemModstamp", to: "2021-01-06T00:00:00.000000Z", notPast: syncStart)
        #expect(state.bookmark(stream: "Account", key: "SystemModstamp") == syncStart)
    }

    @Test func replicationKeyValueReadsBothShapesAndIgnoresNull() throws {
        let state = try State(json: [
            "bookmarks": [
                "sdk": ["replication_key": "updated_at", "replication_key_value": "2024-01-01"],
                "singer": ["updatedAt": "2024-02-01", "export_id": nil],
                "zuora": ["UpdatedDate": nil, "version": 1],
            ]
        ])
        #expect(state.replicationKeyValue(stream: "sdk", replicationKey: "updated_at") == "2024-01-01")
        #expect(state.replicationKeyValue(stream: "sdk", replicationKey: "other") == nil)
        #expect(state.replicationKeyValue(stream: "singer", replicationKey: "updatedAt") == "2024-02-01")
        #expect(state.replicationKeyValue(stream: "zuora", replicationKey: "UpdatedDate") == nil)
        #expect(state.replicationKeyValue(stream: "missing", replicationKey: "x") == nil)
    }

    @Test func singerPythonHelpersSetClearAndReset() {
        let base = State()
        let written = base.settingBookmark(stream: "customers", key: "last_record", value: 123)
        #expect(base.isEmpty)
        #expect(written.bookmark(stream: "customers", key: "last_record") == 123)
        var state = written
        state.setBookmark(stream: "customers", key: "offset", value: ["page": 2])
        state.clearBookmark(stream: "customers", key: "last_record")
        #expect(JSONWriter.string(from: state.json) == #"{"bookmarks":{"customers":{"offset":{"page":2}}}}"#)
        state.setVersion(9, stream: "customers")
        state.resetStream("customers")
        #expect(JSONWriter.string(from: state.json) == #"{"bookmarks":{"customers":{}},"versions":{"customers":9}}"#)
    }

    @Test func replicationValuesCompareAsInstantsNumbersOrText() {
        #expect(ReplicationValueOrder.compare("2024-01-02T03:00:00+01:00", "2024-01-02T02:00:00.000000Z") == .equal)
        #expect(ReplicationValueOrder.compare("2024-02-03 08:00:00", "2024-02-03T07:59:59.999999Z") == .greater)
        #expect(ReplicationValueOrder.compare("2023-12-31T23:30:00-01:00", "2024-01-01T00:00:00Z") == .greater)
        #expect(ReplicationValueOrder.compare("2024-01-05", "2024-01-05T00:00:00.000001Z") == .less)
        #expect(ReplicationValueOrder.compare(.number(JSONNumber("10.50")!), 10.5) == .equal)
        #expect(ReplicationValueOrder.compare(9, 10) == .less)
        #expect(ReplicationValueOrder.compare("b", "a") == .greater)
        #expect(ReplicationValueOrder.compare(10, "10") == nil)
    }
}
