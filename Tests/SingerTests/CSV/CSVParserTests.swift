import Foundation
import Testing

@testable import Singer

/// A parsed field as the tests compare it: text and whether it was quoted.
private struct Field: Hashable, CustomStringConvertible {
    var text: String
    var quoted: Bool
    var description: String { quoted ? "\"\(text)\"" : text }
}

/// Parses `input` cut into chunks at `cuts` (byte offsets), returning every row.
private func parse(_ input: [UInt8], cuts: [Int] = [], delimiter: UInt8 = UInt8(ascii: ",")) throws -> [[Field]] {
    var parser = CSVParser(delimiter: delimiter)
    var rows: [[Field]] = []
    let collect = { (row: CSVRow) in rows.append((0..<row.count).map { Field(text: row[$0].text, quoted: row[$0].wasQuoted) }) }
    var start = 0
    for cut in cuts.sorted() + [input.count] where cut >= start {
        try input[start..<cut].withUnsafeBytes { try parser.push($0, onRow: collect) }
        start = cut
    }
    try parser.finish(onRow: collect)
    return rows
}

private func texts(_ rows: [[Field]]) -> [[String]] { rows.map { $0.map(\.text) } }

@Suite struct CSVParserTests {
    @Test func quotedFieldsKeepDelimitersDoubledQuotesAndNewlines() throws {
        let input = Array("Id,Name,Description\n\"001\",\"Acme, \"\"Inc\"\"\",\"line 1\nline 2\r\nline 3\"\n".utf8)
        #expect(texts(try parse(input)) == [["Id", "Name", "Description"], ["001", "Acme, \"Inc\"", "line 1\nline 2\r\nline 3"]])
    }

    @Test func everyChunkBoundaryGivesTheSameRows() throws {
        let input = Array(
            "\"Id\",\"Name\",\"Note\"\r\n\"001\",\"Zoë \"\"Z\"\" 🚀\",\"a\r\nb\"\r\n002,,\"\"\r\n\"003\",\"x,y\",\"\"\"\"\r\n".utf8)
        let expected = try parse(input)
        #expect(expected.count == 4)
        #expect(expected[1] == [Field(text: "001", quoted: true), Field(text: "Zoë \"Z\" 🚀", quoted: true), Field(text: "a\r\nb", quoted: true)])
        for cut in 0...input.count {
            #expect(try parse(input, cuts: [cut]) == expected, "one cut at \(cut)")
        }
        for first in stride(from: 0, through: input.count, by: 3) {
            for second in stride(from: first, through: input.count, by: 5) {
                #expect(try parse(input, cuts: [first, second]) == expected, "cuts at \(first), \(second)")
            }
        }
        let byteAtATime = Array(0...input.count)
        #expect(try parse(input, cuts: byteAtATime) == expected)
    }

    @Test func emptyUnquotedAndEmptyQuotedFieldsAreToldApart() throws {
        let rows = try parse(Array("a,,\"\",b\n".utf8))
        #expect(rows == [[Field(text: "a", quoted: false), Field(text: "", quoted: false), Field(text: "", quoted: true), Field(text: "b", quoted: false)]])
    }

    @Test func trailingDelimiterGivesATrailingEmptyField() throws {
        #expect(texts(try parse(Array("a,b,\n".utf8))) == [["a", "b", ""]])
    }

    @Test func lineEndingsLFCRLFAndLoneCRAllEndRows() throws {
        #expect(texts(try parse(Array("a,b\nc,d\r\ne,f\rg,h".utf8))) == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
    }

    @Test func crAndLFSplitAcrossChunksEndOneRow() throws {
        let input = Array("a\r\nb\r\n".utf8)
        #expect(texts(try parse(input, cuts: [2])) == [["a"], ["b"]])
        #expect(texts(try parse(input, cuts: [1, 2, 3, 4, 5])) == [["a"], ["b"]])
    }

    @Test func blankLinesAreSkippedButAQuotedEmptyLineIsARow() throws {
        let rows = try parse(Array("a\n\n\r\n\"\"\nb\n".utf8))
        #expect(rows == [[Field(text: "a", quoted: false)], [Field(text: "", quoted: true)], [Field(text: "b", quoted: false)]])
    }

    @Test func lastRowWithoutNewlineIsKept() throws {
        #expect(texts(try parse(Array("a,b\n\"c\",d".utf8))) == [["a", "b"], ["c", "d"]])
        #expect(texts(try parse(Array("a,\"b\"".utf8))) == [["a", "b"]])
        #expect(texts(try parse(Array("a,".utf8))) == [["a", ""]])
    }

    @Test func emptyInputGivesNoRows() throws {
        #expect(try parse([]).isEmpty)
        #expect(try parse(Array("\n\r\n".utf8)).isEmpty)
    }

    @Test func strayQuotesAreKeptAsText() throws {
        #expect(texts(try parse(Array("ab\"c,\"x\"y,d\n".utf8))) == [["ab\"c", "xy", "d"]])
    }

    @Test func inputEndingInsideQuotesIsAnErrorNamingTheRow() throws {
        #expect(throws: CSVError.unterminatedQuote(row: 2)) { try parse(Array("a\n\"b,c\n".utf8)) }
    }

    @Test func multiByteCharactersSplitAcrossChunksSurviveWhole() throws {
        let input = Array("\"日本語\",Ω,\"😀\"\n".utf8)
        for cut in 0...input.count {
            #expect(texts(try parse(input, cuts: [cut])) == [["日本語", "Ω", "😀"]], "cut at \(cut)")
        }
    }

    @Test func otherDelimitersWork() throws {
        #expect(texts(try parse(Array("a\tb\t\"c\td\"\n".utf8), delimiter: 0x09)) == [["a", "b", "c\td"]])
    }

    @Test func rowNumbersCountRowsNotLines() throws {
        var parser = CSVParser()
        var numbers: [Int] = []
        try parser.push(Data("h\n\"a\nb\"\nc\n".utf8)) { numbers.append($0.number) }
        try parser.finish { numbers.append($0.number) }
        #expect(numbers == [1, 2, 3])
        #expect(parser.rowsParsed == 3)
    }

    @Test func aRunawayQuoteStopsAtTheRowLimit() throws {
        var parser = CSVParser(maxRowBytes: 16)
        #expect(throws: CSVError.rowTooLong(row: 1, limit: 16)) {
            try parser.push(Data("\"abcdefghijklmnopqrstuvwxyz".utf8)) { _ in }
        }
    }

    @Test func writeStringFromUTF8EscapesAndRepairs() {
        var writer = JSONWriter()
        let input: [UInt8] = Array("a\"b\\c\n\u{1}é".utf8) + [0xFF, 0x41]
        input.withUnsafeBytes { writer.writeString(utf8: $0) }
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"a\\\"b\\\\c\\n\\u0001é\u{FFFD}A\"")
    }
}
