import Singer
import Testing
@testable import TapMarketo

@Suite struct StateCompatibilityTests {
    /// A state file as singer-io tap-marketo 2.9.4 writes it (zuora-marketo.md §3.8), interrupted in `campaigns`.
    static let pythonState = #"""
    {"bookmarks": {
       "leads": {"updatedAt": "2026-11-29T10:42:16+00:00", "export_id": null, "export_end": null},
       "activities_visit_webpage": {"activityDate": "2026-11-16T00:00:00+00:00", "export_id": "a1b2-c3", "export_end": "2026-11-29T00:00:00+00:00"},
       "campaigns": {"updatedAt": "2026-11-29T10:43:35.538321+00:00", "next_page_token": "GIYDAOBNGEYS2MBW"},
       "programs": {"updatedAt": "2026-11-29T10:43:35.686809+00:00"}},
     "currently_syncing": "campaigns"}
    """#

    @Test func pythonStateReadsWithItsBookmarksExportIDsAndCurrentStream() throws {
        var parser = JSONParser()
        let state = try State(json: try parser.parse(Self.pythonState))
        #expect(state.currentStream == "campaigns")
        #expect(state.bookmark(stream: "activities_visit_webpage", key: "export_id") == "a1b2-c3")
        #expect(state.bookmark(stream: "campaigns", key: "next_page_token") == "GIYDAOBNGEYS2MBW")
        for (stream, key, seconds) in [
            ("leads", "updatedAt", 1_795_948_936), ("activities_visit_webpage", "activityDate", 1_794_787_200),
            ("campaigns", "updatedAt", 1_795_949_015), ("programs", "updatedAt", 1_795_949_015),
        ] {
            let text = try #require(state.bookmark(stream: stream, key: key)?.stringValue)
            #expect(MarketoTime.parse(text) == seconds, "\(stream)")
        }
    }

    @Test func resumeSkipsStreamsBeforeTheInterruptedOne() throws {
        var parser = JSONParser()
        let state = try State(json: try parser.parse(Self.pythonState))
        var catalog = CatalogTests.catalog
        for index in catalog.streams.indices { catalog.streams[index].metadata.set(.selected, true, at: .stream) }
        let order = catalog.selectedEntries(rule: .singerIO, resumingFrom: state, order: .skipEarlier).map(\.tapStreamID)
        #expect(order == ["campaigns", "lists", "programs", "deleted_leads"])
    }
}
