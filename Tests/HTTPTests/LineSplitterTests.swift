import Foundation
import HTTP
import Testing

@Suite struct LineSplitterTests {
    private func split(_ chunks: [String], mode: LineSplitter.Mode = .plain) -> [String] {
        var splitter = LineSplitter(mode: mode)
        var lines: [String] = []
        for chunk in chunks {
            splitter.push(Data(chunk.utf8)) { lines.append(String(decoding: $0, as: UTF8.self)) }
        }
        splitter.finish { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }

    @Test func linesSplitAcrossChunksAreJoined() {
        #expect(split(["{\"a\":", "1}\n{\"b\"", ":2}\n"]) == [#"{"a":1}"#, #"{"b":2}"#])
    }

    @Test func crlfIsRemovedEvenWhenSplitBetweenChunks() {
        #expect(split(["one\r", "\ntwo\r\n"]) == ["one", "two"])
    }

    @Test func finalLineWithoutNewlineIsEmittedOnFinish() {
        #expect(split(["a\nb"]) == ["a", "b"])
        #expect(split([]) == [])
    }

    @Test func emptyLinesAreKept() {
        #expect(split(["a\n\nb\n"]) == ["a", "", "b"])
    }

    @Test func csvModeKeepsLineBreaksInsideQuotedFieldsIncludingEscapedQuotes() {
        let chunks = ["id,text\n1,\"say \"\"hi", "\"\"\nbye\"\n2,x\n"]
        #expect(split(chunks, mode: .csv) == ["id,text", "1,\"say \"\"hi\"\"\nbye\"", "2,x"])
        #expect(split(chunks, mode: .plain).count == 4)
    }
}
