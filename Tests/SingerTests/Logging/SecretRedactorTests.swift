import Testing

@testable import Singer

@Suite struct SecretRedactorTests {
    @Test func declaredSecretsAndCredentialLikeKeysAreCollectedAtAnyDepth() {
        let config: JSONObject = [
            "client_id": "public-id", "pin": "12", "api_key": "key-abcdef", "short_token": "abc",
            "credentials": ["refresh_token": "refresh-123456", "user": "me@example.com"],
            "password": ["pw-one", "pw-two"],
        ]
        let secrets = SecretRedactor.secrets(in: config, secretSettings: ["pin"])
        #expect(Set(secrets) == ["12", "key-abcdef", "refresh-123456", "pw-one", "pw-two"])
    }

    @Test func longerSecretsAreMaskedWholeAndEncodedFormsToo() {
        let redactor = SecretRedactor()
        redactor.register("abcd")
        redactor.register("abcd/efgh+ij")
        #expect(redactor.redact("x abcd/efgh+ij y abcd") == "x *** y ***")
        #expect(redactor.redact("GET /oauth?token=abcd%2Fefgh%2Bij") == "GET /oauth?token=***")
    }

    @Test func textWithoutSecretsIsUnchanged() {
        let redactor = SecretRedactor()
        redactor.register("")
        #expect(redactor.redact("Syncing stream Account") == "Syncing stream Account")
    }
}
