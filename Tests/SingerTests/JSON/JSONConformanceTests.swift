import Foundation
import Testing

@testable import Singer

/// The JSONTestSuite corpus (`../shared/testdata/json-test-suite/test_parsing`): every `y_` file
/// parses, every `n_` file is rejected with an offset, and no `i_` file crashes or hangs.
@Suite struct JSONConformanceTests {
    /// `../shared/testdata/json-test-suite/test_parsing` beside the repository, or `$JSON_TEST_SUITE`.
    static let corpus: URL = {
        if let path = ProcessInfo.processInfo.environment["JSON_TEST_SUITE"] { return URL(fileURLWithPath: path) }
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repository.appendingPathComponent("../shared/testdata/json-test-suite/test_parsing").standardizedFileURL
    }()

    static func files(_ prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    }

    static func contents(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: corpus.appendingPathComponent(name)))
    }

    @Test func corpusIsPresent() {
        #expect(Self.files("y_").count > 90, "JSON test suite not found at \(Self.corpus.path)")
        #expect(Self.files("n_").count > 180)
        #expect(Self.files("i_").count > 30)
    }

    @Test(arguments: files("y_"))
    func acceptedFileParses(_ name: String) throws {
        var parser = JSONParser()
        #expect(throws: Never.self) { _ = try parser.parse(try Self.contents(name)) }
    }

    @Test(arguments: files("n_"))
    func rejectedFileFailsWithOffset(_ name: String) throws {
        let bytes = try Self.contents(name)
        var parser = JSONParser()
        do {
            let value = try parser.parse(bytes)
            Issue.record("\(name) parsed as \(value)")
        } catch let error as JSONParseError {
            #expect(error.offset >= 0 && error.offset <= bytes.count)
            #expect(error.description.contains("at byte \(error.offset)"))
        }
    }

    @Test(arguments: files("i_"))
    func implementationDefinedFileNeitherCrashesNorHangs(_ name: String) throws {
        var parser = JSONParser()
        _ = try? parser.parse(try Self.contents(name))
    }

    @Test func deepNestingIsRejectedNotOverflowingTheStack() throws {
        var parser = JSONParser()
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(throws: JSONParseError.self) { try parser.parse(deep) }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: Never.self) { try parser.parse(fine) }
    }
}
