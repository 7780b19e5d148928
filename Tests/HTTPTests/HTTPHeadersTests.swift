import HTTP
import Testing

@Suite struct HTTPHeadersTests {
    @Test func lookupIgnoresCaseAndKeepsOrderAndRepeats() {
        var headers: HTTPHeaders = ["Set-Cookie": "a=1"]
        headers.add(name: "set-cookie", value: "b=2")
        #expect(headers["SET-COOKIE"] == "a=1")
        #expect(headers.values(for: "Set-Cookie") == ["a=1", "b=2"])
    }

    @Test func assigningReplacesEveryFieldOfThatName() {
        var headers: HTTPHeaders = ["Accept": "a", "accept": "b", "X": "1"]
        headers["ACCEPT"] = "c"
        #expect(headers.values(for: "accept") == ["c"])
        headers["x"] = nil
        #expect(!headers.contains("X"))
    }
}
