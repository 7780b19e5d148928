import HTTP
import Testing

@Suite struct RedactorTests {
    let redactor = Redactor()

    @Test func secretQueryValuesAreRedactedAndOthersKept() {
        let url = "https://h.example/v1/x?access_token=abc&page=2&client_secret=def&apiKey=ghi#frag"
        #expect(redactor.redactedURL(url)
            == "https://h.example/v1/x?access_token=REDACTED&page=2&client_secret=REDACTED&apiKey=REDACTED")
    }

    @Test func passwordInURLUserInfoIsRedacted() {
        #expect(redactor.redactedURL("https://me:hunter2@h.example/p") == "https://me:REDACTED@h.example/p")
    }

    @Test func secretHeadersAreRedactedByName() {
        let headers: HTTPHeaders = [
            "Authorization": "Bearer t", "Cookie": "sid=1", "X-API-Key": "k", "X-Auth-Token": "t2", "Accept": "text/csv",
        ]
        let redacted = redactor.redacted(headers)
        #expect(redacted.map(\.value) == ["REDACTED", "REDACTED", "REDACTED", "REDACTED", "text/csv"])
    }

    @Test func secretPairsInFreeTextAreRedacted() {
        let text = #"{"access_token": "abc", "ok": "yes"} password=hunter2&user=me"# + "\r\nAuthorization: Bearer xyz\r\nnext"
        let redacted = redactor.redactedText(text)
        #expect(redacted == #"{"access_token": "REDACTED", "ok": "yes"} password=REDACTED&user=me"# + "\r\nAuthorization: REDACTED\r\nnext")
    }

    @Test func additionalVendorNamesCanBeMarkedSecret() {
        let custom = Redactor(additionalSensitiveNames: ["X-Zuora-Entity"])
        #expect(custom.isSensitive(name: "x_zuora_entity"))
        #expect(!redactor.isSensitive(name: "x_zuora_entity"))
    }
}
