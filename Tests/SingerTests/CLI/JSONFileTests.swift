import Testing

@testable import Singer

@Suite struct JSONFileTests {
    @Test func readsAStateFile() throws {
        let path = try CLITestFixtures.file(#"{"bookmarks": {"Account": {"SystemModstamp": "2024-01-01"}}}"#, name: "state.json")
        #expect(try JSONFile.read(path, role: "state")["bookmarks"]?["Account"]?["SystemModstamp"] == "2024-01-01")
    }

    @Test func syntaxErrorNamesRoleFileOffsetLineAndColumn() throws {
        let path = try CLITestFixtures.file("{\"streams\": [\n  {\"stream\": \"Account\",}\n]}", name: "catalog.json")
        #expect(throws: JSONFileError.self) { try JSONFile.read(path, role: "catalog") }
        do {
            _ = try JSONFile.read(path, role: "catalog")
        } catch {
            #expect(error.path == path)
            #expect(error.description.hasPrefix("catalog file '\(path)' is not valid JSON: at byte 37 (line 2, column 24):"))
            #expect(ConnectorRunner.exitStatus(for: error) == .usage)
        }
    }

    @Test func missingFileIsNamedWithItsRole() {
        #expect(throws: JSONFileError.notFound(role: "state", path: "/no/such/state.json")) {
            try JSONFile.read("/no/such/state.json", role: "state")
        }
    }

    @Test func directoryIsUnreadable() throws {
        #expect {
            try JSONFile.read("/tmp", role: "catalog")
        } throws: { error in
            String(describing: error).hasPrefix("cannot read catalog file '/tmp': ")
        }
    }
}
