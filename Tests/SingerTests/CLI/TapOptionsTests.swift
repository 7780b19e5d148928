import ArgumentParser
import Testing

@testable import Singer

@Suite struct TapOptionsTests {
    @Test func repeatedConfigKeepsItsOrder() throws {
        let options = try TapOptions.parse(["-c", "base.json", "--config", "ENV", "-c", "local.json"])
        #expect(options.configPaths == ["base.json", "ENV", "local.json"])
    }

    @Test func shortFormsOfTheSingerPythonFlags() throws {
        let options = try TapOptions.parse(["-c", "c.json", "-d", "-s", "state.json", "-p", "properties.json"])
        #expect(options.discover)
        #expect(options.statePath == "state.json")
        #expect(options.catalogPath == "properties.json")
        #expect(options.propertiesFile == "properties.json")
    }

    @Test func catalogAndLegacyPropertiesBothWorkAlone() throws {
        #expect(try TapOptions.parse(["--catalog", "catalog.json"]).catalogPath == "catalog.json")
        #expect(try TapOptions.parse(["--properties", "props.json"]).catalogPath == "props.json")
        #expect(try TapOptions.parse([]).catalogPath == nil)
    }

    @Test func catalogAndPropertiesTogetherIsAUsageErrorNamingBoth() {
        #expect {
            try TapOptions.parse(["--catalog", "a.json", "--properties", "b.json"])
        } throws: { error in
            let message = TapOptions.message(for: error)
            return message.contains("--catalog") && message.contains("--properties")
                && TapOptions.exitCode(for: error) != .success
        }
    }

    @Test(arguments: [
        ([String](), TestMode?.none), (["--test"], .all), (["--test=schema"], .schema),
        (["--test", "schema"], .schema), (["--test=all"], .all), (["--test", "--discover"], .all),
    ])
    func testFlagAcceptsTheSDKSpellings(_ arguments: [String], _ expected: TestMode?) throws {
        #expect(try TapOptions.parse(arguments).testMode == expected)
    }

    @Test func unknownTestModeIsRejected() {
        #expect(throws: (any Error).self) { try TapOptions.parse(["--test=everything"]) }
    }

    @Test func normalizationLeavesArgumentsAfterTerminatorAlone() {
        #expect(TapOptions.normalizedArguments(["--test=schema", "--", "--test=schema"]) == ["--test-schema", "--", "--test=schema"])
    }

    @Test func aboutFormatAndVersion() throws {
        let options = try TapOptions.parse(["--about", "--format", "markdown", "--version"])
        #expect(options.about && options.version)
        #expect(options.aboutFormat == .markdown)
        #expect(try TapOptions.parse(["--about"]).aboutFormat == .text)
        #expect(throws: (any Error).self) { try TapOptions.parse(["--about", "--format", "yaml"]) }
    }

    @Test func targetOptionsTakeConfigInputAboutAndVersion() throws {
        let options = try TargetOptions.parse(["-c", "a.json", "--config", "ENV", "--input", "messages.jsonl"])
        #expect(options.configPaths == ["a.json", "ENV"])
        #expect(options.inputPath == "messages.jsonl")
        #expect(try TargetOptions.parse(["--about", "--format", "json"]).aboutFormat == .json)
        #expect(throws: (any Error).self) { try TargetOptions.parse(["--discover"]) }
    }
}
