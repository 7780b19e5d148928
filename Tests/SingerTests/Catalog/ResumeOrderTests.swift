import Testing

@testable import Singer

/// Stream order when a sync resumes from an interrupted state.
@Suite struct ResumeOrderTests {
    private let catalog = Catalog(streams: ["A", "B", "C", "D"].map { name in
        CatalogEntry(
            stream: name, schema: [:],
            metadata: Metadata([MetadataEntry(breadcrumb: .stream, values: ["selected": .bool(name != "D")])]))
    })

    @Test func rotationStartsAtTheCurrentStreamAndWrapsAround() throws {
        let state = try State(json: ["currently_syncing": "C"])
        #expect(catalog.selectedEntries(rule: .singerIO, resumingFrom: state).map(\.stream) == ["C", "A", "B"])
    }

    @Test func skipEarlierDropsStreamsBeforeTheCurrentOneAsTheZuoraTapDoes() throws {
        let state = try State(json: ["current_stream": "B"])
        #expect(catalog.selectedEntries(rule: .singerIO, resumingFrom: state, order: .skipEarlier).map(\.stream) == ["B", "C"])
    }

    @Test func noOrUnknownCurrentStreamKeepsCatalogOrder() throws {
        #expect(catalog.selectedEntries(rule: .singerIO, resumingFrom: State()).map(\.stream) == ["A", "B", "C"])
        let stale = try State(json: ["currently_syncing": "Removed"])
        #expect(catalog.selectedEntries(rule: .singerIO, resumingFrom: stale).map(\.stream) == ["A", "B", "C"])
    }
}
