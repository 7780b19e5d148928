import Testing

@testable import TargetPostgres

@Suite struct NameAssignmentTests {
    @Test func distinctNamesGetTheirPlainIdentifiers() {
        let names = NamePolicy.assign(["Id", "AnnualRevenue", "Account__c"])
        #expect(names.entries.map(\.identifier) == ["id", "annualrevenue", "account__c"])
        #expect(names.entries.allSatisfy { $0.source == .new && $0.needsComment })
    }

    @Test func caseCollisionsGetASuffixFromTheNameItself() {
        let names = NamePolicy.assign(["Name", "name", "NAME"])
        #expect(names["name"] == "name")
        #expect(names["Name"] == "name__" + NameFingerprint.hex("Name"))
        #expect(names["NAME"] == "name__" + NameFingerprint.hex("NAME"))
    }

    @Test func collisionSuffixesDoNotDependOnPropertyOrder() {
        let original = ["Id", "Name", "name", "NAME", "Stage"]
        let expected = NamePolicy.assign(original)
        for order in [original.reversed(), ["NAME", "Stage", "name", "Id", "Name"]] {
            let names = NamePolicy.assign(Array(order))
            for name in original { #expect(names[name] == expected[name]) }
        }
    }

    @Test func firstInSchemaOrderClaimsWhenNoneIsSpelledLikeTheIdentifier() {
        #expect(NamePolicy.assign(["Amount", "AMOUNT"])["Amount"] == "amount")
        #expect(NamePolicy.assign(["AMOUNT", "Amount"])["AMOUNT"] == "amount")
    }

    @Test func punctuationCollisionsAreSettledLikeCaseCollisions() {
        let names = NamePolicy.assign(["Account Name", "Account.Name", "account_name"])
        #expect(names["account_name"] == "account_name")
        #expect(Set(names.entries.map(\.identifier)).count == 3)
    }

    @Test func truncationCollisionsStayUniqueAndShort() {
        let stem = String(repeating: "x", count: 70)
        // Same original hash input twice is impossible, so force a clash: a name spelled like
        // another's truncated identifier.
        let long = stem + "A"
        let lookalike = NamePolicy.identifier(for: long)
        let names = NamePolicy.assign([long, lookalike, stem + "B"])
        let identifiers = names.entries.map(\.identifier)
        #expect(Set(identifiers).count == 3)
        #expect(identifiers.allSatisfy { $0.utf8.count <= 63 })
        #expect(names[lookalike] == lookalike)
    }

    @Test func recordedNamesKeepTheirColumnsAcrossReorderingAndAdditions() {
        let first = NamePolicy.assign(["Name", "name"])
        let existing = first.entries.map { ExistingName(identifier: $0.identifier, comment: NamePolicy.comment(forOriginalName: $0.originalName)) }

        // Later run: reordered, and a third spelling added.
        let later = NamePolicy.assign(["Nàme", "name", "Name", "NAME"], existing: existing)
        #expect(later["Name"] == first["Name"])
        #expect(later["name"] == first["name"])
        #expect(later.entries.filter { $0.source == .recorded }.map(\.originalName) == ["name", "Name"])
        #expect(later.entries.filter(\.needsComment).map(\.originalName) == ["Nàme", "NAME"])
        #expect(Set(later.entries.map(\.identifier)).count == 4)
    }

    @Test func aRecordedColumnIsReusedEvenWhenItsNameNoLongerNormalisesToIt() {
        // Created by an older policy, or renamed by hand: the comment wins.
        let existing = [ExistingName(identifier: "annual_revenue", comment: "singer:AnnualRevenue")]
        let names = NamePolicy.assign(["AnnualRevenue"], existing: existing)
        #expect(names["AnnualRevenue"] == "annual_revenue")
        #expect(names.entries.first?.source == .recorded)
    }

    @Test func newNamesAvoidColumnsOfRemovedProperties() {
        let existing = [ExistingName(identifier: "name", comment: "singer:Name")]
        let names = NamePolicy.assign(["name"], existing: existing)
        #expect(names["name"] == "name__" + NameFingerprint.hex("name"))
    }

    @Test func uncommentedColumnsAreAdoptedByTheirPlainName() {
        // A table created by the MeltanoLabs target: lower-cased names, no comments.
        let existing = ["id", "annualrevenue", "_sdc_batched_at"].map { ExistingName(identifier: $0, comment: nil) }
        let names = NamePolicy.assign(["Id", "AnnualRevenue", "AnnualRevenue2"], existing: existing)
        #expect(names["Id"] == "id")
        #expect(names["AnnualRevenue"] == "annualrevenue")
        #expect(names.entries.map(\.source) == [.adopted, .adopted, .new])
        #expect(names.entries.allSatisfy { $0.needsComment })
    }

    @Test func anUncommentedColumnIsAdoptedOnlyOnce() {
        let existing = [ExistingName(identifier: "name", comment: nil)]
        let names = NamePolicy.assign(["Name", "name"], existing: existing)
        #expect(names["name"] == "name")
        #expect(names["Name"] == "name__" + NameFingerprint.hex("Name"))
    }

    @Test func aSuffixedIdentifierNeverTakesAnotherNamesPlainIdentifier() {
        let spelledLikeASuffix = "name__" + NameFingerprint.hex("Name")
        let names = NamePolicy.assign(["Name", "name", spelledLikeASuffix])
        #expect(names[spelledLikeASuffix] == spelledLikeASuffix)
        #expect(names["Name"] == "name__" + NameFingerprint.hex("Name#1"))
    }

    @Test func repeatedNamesAreAssignedOnce() {
        let names = NamePolicy.assign(["Id", "Id"])
        #expect(names.entries.count == 1)
    }
}
