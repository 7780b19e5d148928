import Testing

@testable import HTTP

@Suite struct URLQueryTests {
    @Test func reservedCharactersAndUnicodeAreEscaped() {
        #expect(URLQuery.percentEncoded("a b+c&d=e/f?é~._-") == "a%20b%2Bc%26d%3De%2Ff%3F%C3%A9~._-")
    }

    @Test func parametersKeepTheirOrderAndJoinTheURL() {
        let query = URLQuery([("q", "SELECT Id FROM Account"), ("limit", "2000")])
        #expect(query.encoded == "q=SELECT%20Id%20FROM%20Account&limit=2000")
        #expect(query.appended(to: "http://h/query") == "http://h/query?q=SELECT%20Id%20FROM%20Account&limit=2000")
        #expect(URLQuery([("b", "2")]).appended(to: "http://h/x?a=1") == "http://h/x?a=1&b=2")
        #expect(URLQuery([]).appended(to: "http://h/x") == "http://h/x")
    }

    @Test func anEncodedQueryReachesTheServerIntact() throws {
        let server = try TestHTTPServer(script: [.ok("ok")])
        let fixture = ClientFixture()
        let url = URLQuery([("q", "SELECT Id WHERE d > 2024-01-01T00:00:00+00:00")]).appended(to: server.url("/query"))
        _ = try fixture.client.send(HTTPRequest(url: url))
        #expect(server.requests.first?.target == "/query?q=SELECT%20Id%20WHERE%20d%20%3E%202024-01-01T00%3A00%3A00%2B00%3A00")
    }
}
