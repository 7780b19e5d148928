import Testing

@testable import Singer

/// Where the replication method, key and primary key come from, and in which order.
@Suite struct ReplicationResolutionTests {
    private func entry(root: JSONObject?, topLevel: [String: JSONValue] = [:]) -> CatalogEntry {
        var entry = CatalogEntry(
            stream: "Account", schema: [:],
            metadata: Metadata(root.map { [MetadataEntry(breadcrumb: .stream, values: $0)] } ?? []))
        for (key, value) in topLevel.sorted(by: { $0.key < $1.key }) { entry[key] = value }
        return entry
    }

    @Test func forcedReplicationMethodWinsOverEverything() throws {
        let account = entry(
            root: ["forced-replication-method": "FULL_TABLE", "replication-method": "INCREMENTAL", "replication-key": "SystemModstamp"],
            topLevel: ["replication_method": "INCREMENTAL"])
        #expect(account.replicationMethod == .fullTable)
        #expect(try account.resolvedReplication().method == .fullTable)
    }

    @Test func metadataReplicationMethodIsHonouredUnlikeTheSDK() throws {
        // The SDK ignores "replication-method" and would run this incrementally; we do not.
        let account = entry(
            root: ["replication-method": "FULL_TABLE", "replication-key": "updated_at"],
            topLevel: ["replication_method": "INCREMENTAL", "replication_key": "updated_at"])
        #expect(account.replicationMethod == .fullTable)
        #expect(try account.resolvedReplication() == ResolvedReplication(method: .fullTable, key: "updated_at"))
    }

    @Test func topLevelReplicationMethodAppliesWhenMetadataIsSilent() throws {
        let account = entry(root: ["selected": true], topLevel: ["replication_method": "incremental", "replication_key": "updatedAt"])
        #expect(try account.resolvedReplication() == ResolvedReplication(method: .incremental, key: "updatedAt"))
    }

    @Test func metadataReplicationKeyWinsOverTopLevel() {
        let account = entry(root: ["replication-key": "SystemModstamp"], topLevel: ["replication_key": "LastModifiedDate"])
        #expect(account.replicationKey == "SystemModstamp")
        #expect(entry(root: nil, topLevel: ["replication_key": "LastModifiedDate"]).replicationKey == "LastModifiedDate")
    }

    @Test func keyPropertiesPreferTableKeyPropertiesThenTopLevel() {
        #expect(entry(root: ["table-key-properties": ["Id"]], topLevel: ["key_properties": ["Other"]]).keyProperties == ["Id"])
        #expect(entry(root: ["view-key-properties": ["vid"]]).keyProperties == ["vid"])
        #expect(entry(root: nil, topLevel: ["key_properties": ["Other"]]).keyProperties == ["Other"])
        #expect(entry(root: nil).keyProperties.isEmpty)
    }

    @Test func methodIsInferredFromTheKeyWhenNothingIsStated() throws {
        #expect(try entry(root: ["replication-key": "SystemModstamp"]).resolvedReplication().method == .incremental)
        #expect(try entry(root: ["selected": true]).resolvedReplication() == ResolvedReplication(method: .fullTable, key: nil))
    }

    @Test func incrementalWithoutReplicationKeyIsAnErrorNamingTheStream() throws {
        let account = entry(root: ["replication-method": "INCREMENTAL"])
        #expect(throws: CatalogError.missingReplicationKey(stream: "Account", source: "metadata \"replication-method\"")) {
            try account.resolvedReplication()
        }
        do {
            _ = try account.resolvedReplication()
        } catch {
            #expect(error.description.contains("catalog stream 'Account'"))
            #expect(error.description.contains("replication-key"))
        }
    }

    @Test func unknownReplicationMethodIsAnErrorNamingWhereItCameFrom() throws {
        let account = entry(root: ["forced-replication-method": "SOMETIMES"])
        #expect(account.replicationMethod == nil)
        #expect(throws: CatalogError.invalidReplicationMethod(
            stream: "Account", value: "SOMETIMES", source: "metadata \"forced-replication-method\"")
        ) { try account.resolvedReplication() }
    }
}
