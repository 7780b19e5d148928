import Testing

@testable import TargetPostgres

@Suite struct NamePolicyTests {
    @Test(arguments: [
        // Salesforce: lower-cased, never split into words, `__c` kept.
        ("AnnualRevenue", "annualrevenue"),
        ("Account__c", "account__c"),
        ("SystemModstamp", "systemmodstamp"),
        ("Id", "id"),
        // Zuora: dotted export names.
        ("Account.Name", "account_name"),
        ("Subscription.TermEndDate", "subscription_termenddate"),
        // Marketo: camelCase.
        ("leadScore", "leadscore"),
        ("createdAt", "createdat"),
        // Spaces and punctuation: each run becomes one `_`, edges trimmed.
        ("Annual Revenue (USD)", "annual_revenue_usd"),
        ("  % Complete  ", "complete"),
        ("e-mail / phone", "e_mail_phone"),
        ("__private__", "private"),
        // Unicode: Latin accents fold, decomposed accents drop, other scripts separate.
        ("Straße", "strasse"),
        ("Código Postal", "codigo_postal"),
        ("Cafe\u{301}", "cafe"),
        ("Größe_in_m²", "grosse_in_m"),  // language-neutral: ö → o, not German oe
        ("Ціна Price", "price"),
        // Digits first get a leading `_`.
        ("2024 Target", "_2024_target"),
        ("1", "_1"),
        // Metadata columns keep their prefix.
        ("_sdc_extracted_at", "_sdc_extracted_at"),
        ("_SDC_Sequence", "_sdc_sequence"),
    ])
    func normalisesToLowerCaseASCII(original: String, expected: String) {
        #expect(NamePolicy.identifier(for: original) == expected)
    }

    @Test func nothingLeftBecomesUnderscoreAndHashOfTheOriginal() {
        let empty = NamePolicy.identifier(for: "")
        let japanese = NamePolicy.identifier(for: "名前")
        let dollars = NamePolicy.identifier(for: "$$")
        for name in [empty, japanese, dollars] {
            #expect(name.utf8.count == 9)
            #expect(name.hasPrefix("_"))
        }
        #expect(Set([empty, japanese, dollars]).count == 3)
        #expect(NamePolicy.identifier(for: "名前") == japanese)
    }

    @Test func fingerprintIsFNV1a() {
        // Published FNV-1a 32-bit test vectors.
        #expect(NameFingerprint.hex("") == "811c9dc5")
        #expect(NameFingerprint.hex("a") == "e40c292c")
        #expect(NameFingerprint.hex("foobar") == "bf9cf968")
    }

    @Test func namesOver63BytesAreCutWithAHashOfTheOriginal() {
        let long = "This_Is_A_Very_Long_Custom_Field_Name_That_Salesforce_Allows__c"
        let longer = long + "X"
        #expect(NamePolicy.identifier(for: long).utf8.count == 63)  // exactly 63: kept whole
        #expect(NamePolicy.identifier(for: long) == long.lowercased())

        let cut = NamePolicy.identifier(for: longer)
        #expect(cut.utf8.count <= 63)
        #expect(cut.hasSuffix("_" + NameFingerprint.hex(longer)))
        #expect(cut.hasPrefix("this_is_a_very_long_custom_field_name_that_salesforce"))
    }

    @Test func longNamesSharingAPrefixStayDistinct() {
        let prefix = String(repeating: "Opportunity Line Item ", count: 4)
        let names = (1...50).map { prefix + "Field \($0)" }
        let identifiers = names.map(NamePolicy.identifier(for:))
        #expect(Set(identifiers).count == names.count)
        #expect(identifiers.allSatisfy { $0.utf8.count <= NamePolicy.maxIdentifierBytes })
    }

    @Test func multiByteNamesAreMeasuredInBytes() {
        // 40 folded `ß` become 80 ASCII bytes: the cut is by bytes, not characters.
        let name = NamePolicy.identifier(for: String(repeating: "ß", count: 40))
        #expect(name.utf8.count == 63)
    }

    @Test func streamNamesBecomeTables() {
        #expect(NamePolicy.tableName(forStream: "Account") == "account")
        #expect(NamePolicy.tableName(forStream: "public-Account") == "public_account")
        #expect(NamePolicy.tableName(forStream: "zuora.Invoice Item") == "zuora_invoice_item")
    }

    @Test func stagingTablesCannotBeStreamTables() {
        #expect(NamePolicy.stagingTableName(for: "account") == "_stage_account")
        #expect(NamePolicy.tableName(forStream: "_stage_account") == "stage_account")

        let longTable = NamePolicy.tableName(forStream: String(repeating: "opportunity_history_", count: 4))
        let staging = NamePolicy.stagingTableName(for: longTable)
        #expect(staging.utf8.count <= 63)
        #expect(staging.hasPrefix("_stage_opportunity_history"))
        #expect(staging != NamePolicy.stagingTableName(for: longTable + "x"))
    }

    @Test(arguments: ["AnnualRevenue", "", "singer:nested", "Cafe\u{301}", "\u{301}accent first", "line\nbreak"])
    func commentsRoundTrip(original: String) {
        let comment = NamePolicy.comment(forOriginalName: original)
        #expect(NamePolicy.originalName(fromComment: comment) == original)
    }

    @Test func commentsNotWrittenByTheTargetRecordNothing() {
        #expect(NamePolicy.comment(forOriginalName: "AnnualRevenue") == "singer:AnnualRevenue")
        #expect(NamePolicy.originalName(fromComment: nil) == nil)
        #expect(NamePolicy.originalName(fromComment: "Revenue in USD") == nil)
        #expect(NamePolicy.originalName(fromComment: "Singer:Name") == nil)
    }
}
