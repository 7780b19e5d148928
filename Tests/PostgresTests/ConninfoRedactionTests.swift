import Testing

@testable import Postgres

/// Passwords never reach error messages: unit tests of the scrubbing, plus libpq's own words.
/// None of these needs a running server.
@Suite("Conninfo redaction")
struct ConninfoRedactionTests {
    @Test func scrubReplacesEveryOccurrenceOfThePassword() {
        let message = #"could not parse network address "hunter2hunter2": Name or service not known (hunter2hunter2)"#
        let scrubbed = ConninfoRedaction.scrub(message, secrets: ["hunter2hunter2"])
        #expect(scrubbed == #"could not parse network address "***": Name or service not known (***)"#)
    }

    @Test func scrubLeavesSecretsTooShortToBeMeaningful() {
        // A one-letter password would otherwise erase that letter from every word.
        #expect(ConninfoRedaction.scrub("connection refused", secrets: ["e"]) == "connection refused")
        #expect(ConninfoRedaction.scrub("password abcd rejected", secrets: ["abcd"]) == "password *** rejected")
    }

    @Test func redactedConninfoHidesPasswordsInBothForms() {
        let keyword = ConninfoRedaction.redacted("host=db user=me password='s3 cr3t' sslpassword=k3y")
        #expect(!keyword.contains("s3 cr3t") && !keyword.contains("k3y"))
        #expect(keyword.contains("***"))
        let uri = ConninfoRedaction.redacted("postgresql://me:s3cr3tpw@db:5432/app")
        #expect(!uri.contains("s3cr3tpw"))
    }

    @Test func libpqMessageQuotingThePasswordIsScrubbed() throws {
        // libpq quotes a bad hostaddr in its message; here that text is also the password.
        let secret = "not-an-address-s3cr3t"
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection(conninfo: "hostaddr=\(secret) password=\(secret) connect_timeout=2")
        }
        #expect(error.kind == .connectionFailed)
        #expect(!error.message.contains(secret), "\(error.message)")
        #expect(error.message.contains("***"), "\(error.message)")
        #expect(!"\(error)".contains(secret))
    }

    @Test func libpqMessagesAreJoinedIntoOneLine() {
        #expect("FATAL:  no such role\n\tDETAIL: x\n\n".joinedIntoOneLine() == "FATAL:  no such role DETAIL: x")
    }
}
