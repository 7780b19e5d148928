import Testing

@testable import Singer

/// Reading and writing catalogs: tolerance, errors that say where, and lossless round trips.
@Suite struct CatalogJSONTests {
    private func json(_ text: String) throws -> JSONValue {
        var parser = JSONParser()
        return try parser.parse(text)
    }

    private func roundTrip(_ text: String) throws -> String {
        JSONWriter.string(from: try Catalog(json: try json(text)).json)
    }

    @Test func unknownEntryAndMetadataKeysRoundTripByteForByte() throws {
        let text = #"{"streams":[{"stream":"Account","tap_stream_id":"Account","x-ui-color":"blue","#
            + #""schema":{"type":"object","properties":{"Id":{"type":"string"},"Amount":{"type":["null","number"]}}},"#
            + #""metadata":[{"metadata":{"selected":true,"my-team.owner":"finance","replication-key":"SystemModstamp"},"breadcrumb":[]},"#
            + #"{"breadcrumb":["properties","Amount"],"metadata":{"inclusion":"available","selected":false,"tap-zuora.joined_object":"Account","notes":{"pii":false}},"comment":"kept"}],"#
            + #""key_properties":["Id"],"replication_key":null,"row_count":1.0e3,"stream_alias":"accounts"}],"#
            + #""catalog-version":2}"#
        #expect(try roundTrip(text) == text)
    }

    @Test func sdkDiscoveryOutputRoundTripsByteForByte() throws {
        let text = #"{"streams":[{"tap_stream_id":"users","stream":"users","replication_key":"updated_at","replication_method":"INCREMENTAL","#
            + #""key_properties":["id"],"schema":{"type":"object","properties":{"id":{"type":["integer"]},"updated_at":{"type":["string","null"],"format":"date-time"}},"required":["id"]},"#
            + #""metadata":[{"breadcrumb":["properties","id"],"metadata":{"inclusion":"automatic"}},"#
            + #"{"breadcrumb":["properties","updated_at"],"metadata":{"inclusion":"automatic"}},"#
            + #"{"breadcrumb":[],"metadata":{"inclusion":"available","selected":true,"selected-by-default":true,"table-key-properties":["id"],"replication-key":"updated_at","valid-replication-keys":["updated_at"]}}]}]}"#
        #expect(try roundTrip(text) == text)
    }

    @Test func editedMetadataKeepsUnknownKeysAndPositions() throws {
        var catalog = try Catalog(json: try json(
            #"{"streams":[{"tap_stream_id":"a","stream":"a","schema":{},"metadata":[{"breadcrumb":[],"metadata":{"ui.pinned":true}}],"x":1}]}"#))
        catalog.streams[0].metadata.root.selected = true
        catalog.streams[0].tableName = "a_table"
        #expect(JSONWriter.string(from: catalog.json)
            == #"{"streams":[{"tap_stream_id":"a","stream":"a","schema":{},"metadata":[{"breadcrumb":[],"metadata":{"ui.pinned":true,"selected":true}}],"x":1,"table_name":"a_table"}]}"#)
    }

    @Test func missingTapStreamIDDefaultsToStreamAndIsWrittenFirst() throws {
        let catalog = try Catalog(json: try json(#"{"streams":[{"stream":"Invoice","schema":{"type":"object"}}]}"#))
        #expect(catalog["Invoice"]?.stream == "Invoice")
        #expect(JSONWriter.string(from: catalog.json)
            == #"{"streams":[{"tap_stream_id":"Invoice","stream":"Invoice","schema":{"type":"object"}}]}"#)
    }

    @Test func legacyPropertiesFileWithTopLevelKeysReads() throws {
        let entry = try #require(try Catalog(json: try json(
            #"{"streams":[{"tap_stream_id":"public-users","stream":"users","table_name":"users","database_name":"app","is_view":false,"row_count":42,"stream_alias":"u","key_properties":"id","replication_key":"updated_at","replication_method":"INCREMENTAL","schema":{"selected":true,"properties":{}}}]}"#)
        ).streams.first)
        #expect(entry.tapStreamID == "public-users")
        #expect(entry.tableName == "users")
        #expect(entry.databaseName == "app")
        #expect(entry.isView == false)
        #expect(entry.rowCount == 42)
        #expect(entry.streamAlias == "u")
        #expect(entry.keyProperties == ["id"])
        #expect(entry.replicationKey == "updated_at")
        #expect(entry.replicationMethod == .incremental)
        #expect(entry.metadata.isEmpty)
    }

    @Test func missingStreamNameIsAnErrorNamingTheEntryIndex() throws {
        let document = try json(#"{"streams":[{"stream":"ok","schema":{}},{"tap_stream_id":"orphan","schema":{}}]}"#)
        #expect(throws: CatalogError.invalidEntry(
            index: 1, reason: "missing \"stream\" (the stream name used in messages) for tap_stream_id 'orphan'")
        ) { try Catalog(json: document) }
        do {
            _ = try Catalog(json: document)
        } catch {
            #expect(error.description.hasPrefix("catalog streams[1]: missing \"stream\""))
        }
    }

    @Test func malformedDocumentsAreRejectedWithTheirShape() throws {
        #expect(throws: CatalogError.invalidCatalog(reason: "expected an object, found array")) {
            try Catalog(json: [])
        }
        #expect(throws: CatalogError.invalidCatalog(reason: "missing \"streams\"")) { try Catalog(json: [:]) }
        #expect(throws: CatalogError.invalidCatalog(reason: "\"streams\" must be an array, found object")) {
            try Catalog(json: ["streams": [:]])
        }
        #expect(throws: CatalogError.invalidEntry(index: 0, reason: "stream 's': \"schema\" must be an object, found string")) {
            try Catalog(json: ["streams": [["stream": "s", "schema": "nope"]]])
        }
    }

    @Test func badMetadataElementNamesStreamAndPosition() throws {
        let document: JSONValue = [
            "streams": [["stream": "Lead", "schema": [:], "metadata": [["breadcrumb": [], "metadata": [:]], ["breadcrumb": "properties"]]]]
        ]
        do {
            _ = try Catalog(json: document)
            Issue.record("expected an error")
        } catch {
            #expect(error == .invalidMetadata(
                stream: "Lead", index: 1, reason: "\"breadcrumb\" must be an array of strings, found \"properties\""))
            #expect(error.description == #"catalog stream 'Lead': metadata[1] "breadcrumb" must be an array of strings, found "properties""#)
        }
    }

    @Test func breadcrumbsAddressStreamFieldsAndNestedFields() {
        let city = Breadcrumb.property("address", "city")
        #expect(city.components == ["properties", "address", "properties", "city"])
        #expect(city.propertyPath == ["address", "city"])
        #expect(city.parent == .property("address"))
        #expect(Breadcrumb.property("address").parent == .stream)
        #expect(Breadcrumb.stream.parent == nil)
        #expect(Breadcrumb.stream.isStream)
        #expect(city.topLevelProperty == "address")
        #expect(city.description == "address.city")
        #expect(Breadcrumb(["items", "x"]).propertyPath == nil)
        #expect(Breadcrumb(json: ["properties", 1]) == nil)
    }

    @Test func metadataKeywordsReadTyped() throws {
        let entry = try MetadataEntry(json: try json(
            #"{"breadcrumb":[],"metadata":{"selected":true,"inclusion":"available","selected-by-default":false,"replication-method":"LOG_BASED","forced-replication-method":"FULL_TABLE","replication-key":"updatedAt","valid-replication-keys":"updatedAt","table-key-properties":["id"],"view-key-properties":["vid"],"schema-name":"public","is-view":true,"row-count":7,"database-name":"db","sql-datatype":"int4","marketo.activity-id":6}}"#))
        #expect(entry.selected == true)
        #expect(entry.inclusion == .available)
        #expect(entry.selectedByDefault == false)
        #expect(entry.replicationMethod == "LOG_BASED")
        #expect(entry.forcedReplicationMethod == "FULL_TABLE")
        #expect(entry.replicationKey == "updatedAt")
        #expect(entry.validReplicationKeys == ["updatedAt"])  // tap-marketo writes a bare string
        #expect(entry.tableKeyProperties == ["id"])
        #expect(entry.viewKeyProperties == ["vid"])
        #expect(entry.schemaName == "public")
        #expect(entry.isView == true)
        #expect(entry.rowCount == 7)
        #expect(entry.databaseName == "db")
        #expect(entry.sqlDatatype == "int4")
        #expect(entry["marketo.activity-id"] == 6)
    }

    @Test func duplicateBreadcrumbLastWinsButBothAreKept() throws {
        let text = #"{"streams":[{"tap_stream_id":"s","stream":"s","schema":{},"metadata":[{"breadcrumb":[],"metadata":{"selected":false}},{"breadcrumb":[],"metadata":{"selected":true}}]}]}"#
        let catalog = try Catalog(json: try json(text))
        #expect(catalog.streams[0].metadata.root.selected == true)
        #expect(try roundTrip(text) == text)
    }
}
