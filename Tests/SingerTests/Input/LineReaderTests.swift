import Foundation
import Testing

@testable import Singer

@Suite struct LineReaderTests {
    private func lines(of text: String, blockSize: Int) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID()).txt").path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try LineReader(path: path, blockSize: blockSize)
        var result: [String] = []
        while let line = try reader.nextLine() { result.append(String(decoding: line, as: UTF8.self)) }
        return result
    }

    @Test func linesSpanningBlocksAndLongerThanTheBufferArriveWhole() throws {
        let long = String(repeating: "x", count: 1000)
        let text = "a\r\nbb\n\(long)\n\nlast"
        #expect(try lines(of: text, blockSize: 16) == ["a", "bb", long, "", "last"])
        #expect(try lines(of: text, blockSize: 1 << 20) == ["a", "bb", long, "", "last"])
    }

    @Test func lineNumbersCountEveryLine() throws {
        let reader = LineReader(bytes: Array("one\ntwo\n".utf8))
        _ = try reader.nextLine()
        _ = try reader.nextLine()
        #expect(reader.lineNumber == 2)
        #expect(try reader.nextLine() == nil)
    }

    @Test func missingFileIsNamedAndIsAUsageError() {
        do {
            _ = try LineReader(path: "/nonexistent/input.jsonl")
            Issue.record("opening a missing file succeeded")
        } catch let error as LineReaderError {
            #expect(error.description == "cannot open /nonexistent/input.jsonl: No such file or directory")
            #expect(error.exitStatus == .usage)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
