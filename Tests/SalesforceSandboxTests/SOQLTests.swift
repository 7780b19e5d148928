@testable import SalesforceSandbox
import Testing

@Suite("SOQL parsing and evaluation")
struct SOQLTests {
    let schema = OrgSchema.standard

    @Test func parsesTheTapsQueryShapeWithDoubleSpacesAndFractionalLiterals() throws {
        let query = try SOQLParser.parse("SELECT Id,Name  FROM  Account WHERE SystemModstamp >= 2020-01-01T00:00:00.000000Z  AND SystemModstamp < 2021-01-01T00:00:00+00:00 ORDER BY SystemModstamp ASC")
        #expect(query.fields.map(\.text) == ["Id", "Name"])
        #expect(query.object.text == "Account")
        #expect(query.orderBy.first?.field.text == "SystemModstamp")
        guard case .and(.compare(_, .greaterOrEqual, .dateTime(let lower)), .compare(_, .less, .dateTime(let upper))) = query.condition else {
            Issue.record("unexpected condition \(String(describing: query.condition))")
            return
        }
        #expect(lower == 1_577_836_800_000)
        #expect(upper == 1_609_459_200_000)
    }

    @Test func datetimeLiteralsAcceptOffsetsAndFractions() throws {
        for (literal, expected) in [("2020-01-01T00:00:00Z", Int64(1_577_836_800_000)), ("2020-01-01T01:00:00+01:00", 1_577_836_800_000),
                                    ("2020-01-01T00:00:00.5Z", 1_577_836_800_500), ("2019-12-31T19:00:00-05:00", 1_577_836_800_000)] {
            let query = try SOQLParser.parse("SELECT Id FROM Account WHERE CreatedDate = \(literal)")
            guard case .compare(_, .equal, .dateTime(let value)) = query.condition else {
                Issue.record("no datetime for \(literal)")
                continue
            }
            #expect(value == expected, "\(literal)")
        }
        #expect(throws: SOQLError.self) { try SOQLParser.parse("SELECT Id FROM Account WHERE CreatedDate > 2020-01-01T00:00:00") }
    }

    @Test func parsesBooleanLogicInLikeNullsOrderingLimitAndOffset() throws {
        let query = try SOQLParser.parse("select id from Opportunity where (StageName IN ('Closed Won','Closed Lost') or Name like 'Acme%') and not Amount = null and Amount != -5.5 order by Amount desc nulls last, Id limit 10 offset 5")
        #expect(query.limit == 10)
        #expect(query.offset == 5)
        #expect(query.orderBy.count == 2)
        #expect(query.orderBy[0].descending)
        #expect(query.orderBy[0].effectiveNullsFirst == false)
        #expect(query.orderBy[1].effectiveNullsFirst == true)
    }

    @Test func malformedStatementsNameTheUnexpectedTokenAndPosition() {
        func failure(_ text: String) -> SOQLError? {
            do { _ = try CompiledQuery.compile(text, schema: schema) } catch { return error }
            return nil
        }
        let missingFrom = failure("SELECT Id Account")
        #expect(missingFrom?.errorCode == "MALFORMED_QUERY")
        #expect(missingFrom?.message.contains("ERROR at Row:1:Column:11") == true)
        #expect(failure("SELECT Id FROM Account WHERE")?.message.contains("unexpected token: <EOF>") == true)
        #expect(failure("SELECT Id FROM Account GROUP BY Name")?.errorCode == "MALFORMED_QUERY")
        #expect(failure("SELECT Id FROM Account WHERE Name = 'unterminated")?.errorCode == "MALFORMED_QUERY")
        #expect(failure("SELECT Id, Id FROM Account")?.message.contains("duplicate field selected: Id") == true)
    }

    @Test func unknownObjectsFieldsAndWrongLiteralTypesAreRefusedLikeSalesforce() {
        func failure(_ text: String) -> SOQLError? {
            do { _ = try CompiledQuery.compile(text, schema: schema) } catch { return error }
            return nil
        }
        #expect(failure("SELECT Id FROM Nope")?.errorCode == "INVALID_TYPE")
        #expect(failure("SELECT Id FROM OpportunityChangeEvent")?.errorCode == "INVALID_TYPE")
        let column = failure("SELECT Id, Bogus FROM Account")
        #expect(column?.errorCode == "INVALID_FIELD")
        #expect(column?.message.contains("No such column 'Bogus' on entity 'Account'") == true)
        let unfilterable = failure("SELECT Id FROM ActivityFieldHistory WHERE SystemModstamp >= 2020-01-01T00:00:00Z")
        #expect(unfilterable?.message.contains("field 'SystemModstamp' can not be filtered in a query call") == true)
        #expect(failure("SELECT Id FROM Account WHERE Description = 'x'")?.errorCode == "INVALID_FIELD")
        #expect(failure("SELECT Id FROM Account WHERE CreatedDate > '2020-01-01'")?.message.contains("must be of type dateTime") == true)
        #expect(failure("SELECT Id FROM Account WHERE Name = 5")?.errorCode == "INVALID_FIELD")
        #expect(failure("SELECT Id FROM Account ORDER BY BillingAddress")?.message.contains("can not be sorted") == true)
    }

    @Test func evaluationFiltersAndOrdersGeneratedRows() throws {
        let store = SalesforceRecordStore(schema: schema, seed: 11, opportunities: 400)
        func run(_ text: String, all: Bool = false) throws -> [Int32] {
            let query = try CompiledQuery.compile(text, schema: schema)
            return query.matchingRows(in: store.table(for: query.object), includeDeleted: all)
        }
        let rows = store.records(of: "Opportunity", includeDeleted: true)
        let live = rows.filter { $0["IsDeleted"]?.boolValue == false }
        #expect(try run("SELECT Id FROM Opportunity").count == live.count)
        #expect(try run("SELECT Id FROM Opportunity", all: true).count == rows.count)

        let won = try run("SELECT Id FROM Opportunity WHERE StageName = 'closed won'")
        #expect(won.count == live.filter { $0["StageName"]?.stringValue == "Closed Won" }.count)
        #expect(won.allSatisfy { rows[Int($0)]["IsWon"]?.boolValue == true })

        let stages = try run("SELECT Id FROM Opportunity WHERE StageName IN ('Closed Won', 'Closed Lost') AND IsClosed = false")
        #expect(stages.isEmpty)
        let nullAmounts = try run("SELECT Id FROM Opportunity WHERE Amount = null")
        #expect(nullAmounts.count == live.filter { $0["Amount"]?.isNull == true }.count)
        let negative = try run("SELECT Id FROM Opportunity WHERE Amount < 0")
        #expect(negative.allSatisfy { (rows[Int($0)]["Amount"]?.numberValue?.doubleValue ?? 0) < 0 })

        let ordered = try run("SELECT Id FROM Opportunity ORDER BY Amount DESC NULLS LAST")
        let amounts = ordered.map { rows[Int($0)]["Amount"]?.numberValue?.doubleValue }
        let present = amounts.compactMap { $0 }
        #expect(present == present.sorted(by: >))
        #expect(amounts.suffix(nullAmounts.count).allSatisfy { $0 == nil })

        let window = try run("SELECT Id FROM Opportunity WHERE SystemModstamp >= 2024-01-01T00:00:00Z AND SystemModstamp < 2024-07-01T00:00:00Z ORDER BY SystemModstamp")
        let stamps = window.compactMap { rows[Int($0)]["SystemModstamp"]?.stringValue }
        #expect(stamps == stamps.sorted())
        #expect(stamps.allSatisfy { $0 >= "2024-01-01" && $0 < "2024-07-01" })

        let like = try run("SELECT Id FROM Opportunity WHERE Name LIKE '%suite'")
        #expect(like.allSatisfy { rows[Int($0)]["Name"]?.stringValue?.hasSuffix("Security Suite") == true })
        #expect(!like.isEmpty)

        let paged = try run("SELECT Id FROM Opportunity ORDER BY Id LIMIT 5 OFFSET 3")
        #expect(paged == Array(try run("SELECT Id FROM Opportunity ORDER BY Id")[3..<8]))
    }

    @Test func likePatternsHandleWildcardsAndEscapes() {
        #expect(LikePattern("ac_e%").matches("acme corp"))
        #expect(!LikePattern("ac_e").matches("acme corp"))
        #expect(LikePattern("%100\\%%").matches("a 100% deal"))
        #expect(!LikePattern("%100\\%%").matches("a 1000 deal"))
    }
}
