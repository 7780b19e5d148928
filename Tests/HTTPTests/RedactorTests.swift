import HTTP
import Testing

@Suite struct RedactorTests {
    let redactor = Redactor()

    @Test func secretQueryValuesAreRedactedAndOthersKept() {
        let url = "https://h.example/v1/x?access_token=abc&page=2&client_secret=def&apiKey=ghi#frag"
        #expect(redactor.redactedURL(url)
            == "https://h.example/v1/x?access_token=***&page=2&client_secret=***&apiKey=***")
    }

    @Test func passwordInURLUserInfoIsRedacted() {
        #expect(redactor.redactedURL("https://me:hunter2@h.example/p") == "https://me:***@h.example/p")
    }

    @Test func secretHeadersAreRedactedByName() {
        let headers: HTTPHeaders = [
            "Authorization": "Bearer t", "Cookie": "sid=1", "X-API-Key": "k", "X-Auth-Token": "t2", "Accept": "text/csv",
        ]
        let redacted = redactor.redacted(headers)
        #expect(redacted.map(\.value) == ["***", "***", "***", "***", "text/csv"])
    }

    @Test func secretPairsInFreeTextAreRedacted() {
        let text = #"{"access_token": "abc", "ok": "yes"} password=hunter2&user=me"# + "\r\nAuthorization: Bearer xyz\r\nnext"
        let redacted = redactor.redactedText(text)
        #expect(redacted == #"{"access_token": "***", "ok": "yes"} password=***&user=me"# + "\r\nAuthorization: ***\r\nnext")
    }

    @Test func additionalVendorNamesCanBeMarkedSecret() {
        let custom = Redactor(additionalSensitiveNames: ["X-Zuora-Entity"])
        #expect(custom.isSensitive(name: "x_zuora_entity"))
        #expect(!redactor.isSensitive(name: "x_zuora_entity"))
    }

    @Test func vendorErrorCodesStayReadableWhileOAuthCodeParametersAreHidden() {
        #expect(redactor.redactedText(#"{"code":"90000011","message":"x"}"#) == #"{"code":"90000011","message":"x"}"#)
        #expect(redactor.redactedText("grant_type=authorization_code&code=abc123&x=1") == "grant_type=authorization_code&code=***&x=1")
        #expect(redactor.redactedURL("https://h.example/callback?code=abc123&state=s") == "https://h.example/callback?code=***&state=s")
    }
}
