import Testing

@testable import Singer

@Suite struct JSONElementRawTests {
    private func withRoot<Result>(_ text: String, _ body: (JSONElement) throws -> Result) throws -> Result {
        var parser = JSONParser()
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBytes { try parser.withDocument($0, body) }
    }

    private func string(_ raw: UnsafeRawBufferPointer?) -> String? { raw.map { String(decoding: $0, as: UTF8.self) } }

    @Test func rawTextOfEveryKindIsExactlyTheInput() throws {
        let text = #"{"s":"a\nb", "n":1.50, "i":7, "o":{ "x" : [1, 2] }, "a":[], "t":true, "z":null}"#
        let raws = try withRoot(text) { root -> [String] in
            var raws: [String] = []
            root.forEachMember { name, value in raws.append(String(decoding: name, as: UTF8.self) + "=" + String(decoding: value.rawJSON, as: UTF8.self)) }
            return raws
        }
        #expect(raws == [#"s="a\nb""#, "n=1.50", "i=7", #"o={ "x" : [1, 2] }"#, "a=[]", "t=true", "z=null"])
    }

    @Test func contentEscapesAndLiteralsAreReported() throws {
        try withRoot(#"["a\tb", "plain", 12, 1e3, false]"#) { root in
            // Scalars in an array sit right after it on the tape.
            let elements = (1...5).map { JSONElement(tokens: root.tokens, index: $0, bytes: root.bytes, materializer: root.materializer) }
            #expect(string(elements[0].rawContent) == #"a\tb"#)
            #expect(elements[0].hasEscapes)
            var decoded: [UInt8] = []
            elements[0].appendUnescaped(to: &decoded)
            #expect(String(decoding: decoded, as: UTF8.self) == "a\tb")
            #expect(!elements[1].hasEscapes)
            #expect(elements[2].isIntegerLiteral)
            #expect(!elements[3].isIntegerLiteral)
            #expect(string(elements[3].rawContent) == "1e3")
            #expect(elements[4].boolValue == false)
            #expect(elements[4].rawContent == nil)
        }
    }

    @Test func forEachElementVisitsArrayElementsInOrderAndSkipsNestedOnes() throws {
        var seen: [String] = []
        try withRoot(#"{"records":[{"Id":"1","a":[1,2]},{"Id":"2"},3],"x":[]}"#) { root in
            root.member("records")?.forEachElement { seen.append(String(decoding: $0.rawJSON, as: UTF8.self)) }
            root.member("x")?.forEachElement { _ in seen.append("never") }
            root.member("records")?.forEachMember { _, _ in seen.append("not an object") }
        }
        #expect(seen == [#"{"Id":"1","a":[1,2]}"#, #"{"Id":"2"}"#, "3"])
    }
}
