import Singer
import Testing

@testable import TargetPostgres

@Suite struct CopyRowEncoderTests {
    typealias T = CopyRowEncoderTesting

    // MARK: - Rows

    @Test func fieldsAreTabSeparatedInColumnOrderAndTheRowEndsWithANewline() throws {
        let columns = [
            CopyColumn(propertyName: "Name", type: .text), CopyColumn(propertyName: "Id", type: .bigint),
            CopyColumn(propertyName: "Missing", type: .text), CopyColumn(propertyName: "Id", type: .text),
        ]
        #expect(try T.row(#"{"Id":7,"Extra":[1],"Name":"Acme"}"#, columns) == "Acme\t7\t\\N\t7\n")
    }

    @Test func emptyStringStaysDistinctFromNullAndMissing() throws {
        #expect(try T.field(#"{"v":""}"#, .text) == "")
        #expect(try T.field(#"{"v":null}"#, .text) == #"\N"#)
        #expect(try T.field(#"{}"#, .text) == #"\N"#)
        #expect(try T.field(#"{"v":null}"#, .jsonb) == #"\N"#)
    }

    @Test func theLastOfDuplicateMembersWins() throws {
        #expect(try T.field(#"{"v":"first","v":"last"}"#, .text) == "last")
    }

    @Test func memberNamesWrittenWithEscapesAreFound() throws {
        #expect(try T.field(#"{"\u0076":"found"}"#, .text) == "found")
    }

    @Test func aFailedRowLeavesTheBufferAsItWas() throws {
        let encoder = CopyRowEncoder(columns: [CopyColumn(propertyName: "v", type: .bigint)])
        var buffer: [UInt8] = []
        try encoder.encode(try T.object(#"{"v":1}"#), into: &buffer)
        #expect(throws: CopyEncodingError.self) { try encoder.encode(try T.object(#"{"v":1.5}"#), into: &buffer) }
        #expect(String(decoding: buffer, as: UTF8.self) == "1\n")
    }

    @Test func encodeFieldsLeavesTheRowOpenForMoreColumns() throws {
        let encoder = CopyRowEncoder(columns: [CopyColumn(propertyName: "v", type: .text)])
        var buffer: [UInt8] = []
        try encoder.encodeFields(try T.object(#"{"v":"x"}"#), into: &buffer)
        #expect(buffer == Array("x".utf8))
    }

    // MARK: - text

    @Test func textKeepsNewlinesTabsBackslashesAndNullLookalikes() throws {
        #expect(try T.field(#"{"v":"NULL"}"#, .text) == "NULL")
        #expect(try T.field(#"{"v":"\\N"}"#, .text) == #"\\N"#)
        #expect(try T.field(#"{"v":"a\nb\tc\rd\\e"}"#, .text) == #"a\nb\tc\rd\\e"#)
        #expect(try T.field(#"{"v":"\u000a\u0009\u005c\"\/"}"#, .text) == #"\n\t\\"/"#)
        #expect(try T.field(#"{"v":"\b\f"}"#, .text) == "\u{8}\u{C}")
    }

    @Test func textKeepsUnicodeAndJoinsSurrogatePairs() throws {
        #expect(try T.field(#"{"v":"é漢😀"}"#, .text) == "é漢😀")
        #expect(try T.field(#"{"v":"\u00e9\u6f22\ud83d\ude00"}"#, .text) == "é漢😀")
        #expect(try T.field(#"{"v":"a\ud800b"}"#, .text) == "a\u{FFFD}b")
    }

    @Test func textTakesOtherValuesAsTheirJSONText() throws {
        #expect(try T.field(#"{"v":12.50}"#, .text) == "12.50")
        #expect(try T.field(#"{"v":NaN}"#, .text) == "NaN")
        #expect(try T.field(#"{"v":true}"#, .text) == "true")
        #expect(try T.field(#"{"v":{"b":[1,"x\ny"]}}"#, .text) == #"{"b":[1,"x\\ny"]}"#)
    }

    // MARK: - NUL

    @Test func nulFailsByDefaultNamingTheProperty() throws {
        let error = try #require(try T.failure(#"{"v":"a\u0000b"}"#, .text))
        #expect(error.reason == .containsNUL)
        #expect(error.description.hasPrefix(#"v: "a\u0000b" does not fit column type text (contains U+0000"#))
    }

    @Test func nulIsStrippedOrReplacedWhenThePolicySaysSo() throws {
        #expect(try T.field(#"{"v":"a\u0000b"}"#, .text, nulPolicy: .strip) == "ab")
        #expect(try T.field(#"{"v":"a\u0000b"}"#, .text, nulPolicy: .replace("\u{FFFD}")) == "a\u{FFFD}b")
        #expect(try T.field(#"{"v":"a\u0000b"}"#, .text, nulPolicy: .replace("\\\0")) == #"a\\b"#)
    }

    @Test func nulInsideJSONBFollowsThePolicyToo() throws {
        #expect(try T.failure(#"{"v":{"k":"a\u0000"}}"#, .jsonb)?.reason == .containsNUL)
        #expect(try T.field(#"{"v":{"k":"a\u0000"}}"#, .jsonb, nulPolicy: .strip) == #"{"k":"a"}"#)
        #expect(try T.field(#"{"v":{"k":"a\u0000"}}"#, .jsonb, nulPolicy: .replace("\"")) == #"{"k":"a\\""}"#)
        // In text an object's JSON holds the six characters of the escape, which PostgreSQL can store.
        #expect(try T.field(#"{"v":{"k":"\u0000"}}"#, .text) == #"{"k":"\\u0000"}"#)
    }

    // MARK: - bigint

    @Test func bigintTakesIntegersInAnyNotationExactly() throws {
        #expect(try T.field(#"{"v":123}"#, .bigint) == "123")
        #expect(try T.field(#"{"v":-9223372036854775808}"#, .bigint) == "-9223372036854775808")
        #expect(try T.field(#"{"v":9223372036854775807}"#, .bigint) == "9223372036854775807")
        #expect(try T.field(#"{"v":1.0}"#, .bigint) == "1")
        #expect(try T.field(#"{"v":1e3}"#, .bigint) == "1000")
        #expect(try T.field(#"{"v":1.5E1}"#, .bigint) == "15")
        #expect(try T.field(#"{"v":1200e-2}"#, .bigint) == "12")
        #expect(try T.field(#"{"v":-0.0}"#, .bigint) == "0")
        #expect(try T.field(#"{"v":0.000e5}"#, .bigint) == "0")
    }

    @Test func bigintNeverRoundsAFraction() throws {
        let error = try #require(try T.failure(#"{"AnnualRevenue":1.75}"#, .bigint, property: "AnnualRevenue"))
        #expect(error.reason == .notAnInteger)
        #expect(error.description == "AnnualRevenue: 1.75 does not fit column type bigint (not an integer)")
        #expect(try T.failure(#"{"v":1e-3}"#, .bigint)?.reason == .notAnInteger)
        #expect(try T.failure(#"{"v":NaN}"#, .bigint)?.reason == .notAnInteger)
    }

    @Test func bigintAsksForNumericWhenAnIntegerIsBeyond64Bits() throws {
        #expect(try T.failure(#"{"v":9223372036854775808}"#, .bigint)?.reason == .needsWidening(column: .numeric))
        #expect(try T.failure(#"{"v":-9223372036854775809}"#, .bigint)?.reason == .needsWidening(column: .numeric))
        #expect(try T.failure(#"{"v":1e400}"#, .bigint)?.reason == .needsWidening(column: .numeric))
    }

    @Test func bigintRejectsStrings() throws {
        let error = try #require(try T.failure(#"{"v":"12"}"#, .bigint))
        #expect(error.reason == .wrongJSONType(found: "string"))
        #expect(error.description == #"v: "12" does not fit column type bigint (a JSON string, where bigint takes an integer)"#)
    }

    // MARK: - numeric

    @Test func numericKeepsTheTextAsWritten() throws {
        #expect(try T.field(#"{"v":12345678901234.99}"#, .numeric) == "12345678901234.99")
        #expect(try T.field(#"{"v":123456789012345678901234567890}"#, .numeric) == "123456789012345678901234567890")
        #expect(try T.field(#"{"v":-1.50E+5}"#, .numeric) == "-1.50E+5")
        #expect(try T.field(#"{"v":NaN}"#, .numeric) == "NaN")
        #expect(try T.field(#"{"v":Infinity}"#, .numeric) == "Infinity")
        #expect(try T.field(#"{"v":-Infinity}"#, .numeric) == "-Infinity")
    }

    @Test func numericTakesDecimalStringsOnlyWhenTheyAreNumbers() throws {
        #expect(try T.field(#"{"v":"123.4500"}"#, .numeric) == "123.4500")
        #expect(try T.field(#"{"v":"-1E+2"}"#, .numeric) == "-1E+2")
        #expect(try T.failure(#"{"v":"12 apples"}"#, .numeric)?.reason == .notADecimalString)
        #expect(try T.failure(#"{"v":""}"#, .numeric)?.reason == .notADecimalString)
        #expect(try T.failure(#"{"v":true}"#, .numeric)?.reason == .wrongJSONType(found: "boolean"))
    }

    @Test func numericRejectsWhatPostgreSQLNumericCannotHold() throws {
        #expect(try T.failure(#"{"v":1e131072}"#, .numeric)?.reason == .beyondNumericRange)
        #expect(try T.failure(#"{"v":0e-16384}"#, .numeric)?.reason == .beyondNumericRange)
        #expect(try T.field(#"{"v":1e131071}"#, .numeric) == "1e131071")
    }

    // MARK: - boolean, dates and times

    @Test func booleansBecomeTAndF() throws {
        #expect(try T.field(#"{"v":true}"#, .boolean) == "t")
        #expect(try T.field(#"{"v":false}"#, .boolean) == "f")
        #expect(try T.failure(#"{"v":"true"}"#, .boolean)?.reason == .wrongJSONType(found: "string"))
    }

    @Test func dateTimesKeepTheirOffsetsAsWritten() throws {
        #expect(try T.field(#"{"v":"2024-01-02T03:04:05.000+0000"}"#, .timestamptz) == "2024-01-02T03:04:05.000+0000")
        #expect(try T.field(#"{"v":"2024-01-02T03:04:05-05:30"}"#, .timestamptz) == "2024-01-02T03:04:05-05:30")
        #expect(try T.field(#"{"v":"2024-01-02T03:04:05.123456Z"}"#, .timestamptz) == "2024-01-02T03:04:05.123456Z")
        #expect(try T.field(#"{"v":"2024-02-29"}"#, .date) == "2024-02-29")
        #expect(try T.field(#"{"v":"03:04:05.123+05:30"}"#, .time) == "03:04:05.123+05:30")
    }

    @Test func invalidDatesAndTimesAreErrorsNamingTheFormat() throws {
        let error = try #require(try T.failure(#"{"v":"2023-02-29T00:00:00Z"}"#, .timestamptz))
        #expect(error.reason == .notInFormat)
        #expect(error.description == #"v: "2023-02-29T00:00:00Z" does not fit column type timestamptz (not an RFC 3339 date-time)"#)
        #expect(try T.failure(#"{"v":"2024-01-02T03:04:05Z"}"#, .date)?.reason == .notInFormat)
        #expect(try T.failure(#"{"v":"24:00:00"}"#, .time)?.reason == .notInFormat)
        #expect(try T.failure(#"{"v":1700000000}"#, .timestamptz)?.reason == .wrongJSONType(found: "integer"))
    }

    // MARK: - jsonb

    @Test func jsonbTakesAnyValueAsCompactJSON() throws {
        #expect(try T.field(#"{"v":{"a":"x\ny","n":1.50,"l":[true,null]}}"#, .jsonb) == #"{"a":"x\\ny","n":1.50,"l":[true,null]}"#)
        #expect(try T.field(#"{"v":"hi"}"#, .jsonb) == #""hi""#)
        #expect(try T.field(#"{"v":"back\\slash"}"#, .jsonb) == #""back\\\\slash""#)
        #expect(try T.field(#"{"v":12.50}"#, .jsonb) == "12.50")
        #expect(try T.field(#"{"v":"😀 \ud83d\ude00"}"#, .jsonb) == #""😀 😀""#)
    }

    @Test func jsonbRejectsNonFiniteNumbers() throws {
        #expect(try T.failure(#"{"v":{"x":NaN}}"#, .jsonb)?.reason == .nonFiniteNumberInJSON)
        #expect(try T.failure(#"{"v":-Infinity}"#, .jsonb)?.reason == .nonFiniteNumberInJSON)
        #expect(try T.field(#"{"v":{"Name":"NaN Inc"}}"#, .jsonb) == #"{"Name":"NaN Inc"}"#)
        #expect(try T.field(#"{"v":{"q":"say \"Infinity\"","p":"a\\"}}"#, .jsonb) == #"{"q":"say \\"Infinity\\"","p":"a\\\\"}"#)
    }

    @Test func jsonbFromInputKeepsTheTextAsReadWithWhitespaceEscaped() throws {
        let encoder = CopyRowEncoder(columns: [CopyColumn(propertyName: "v", type: .jsonb)])
        let row = try T.encodeElement("{\"v\": {\"a\":\t1,\r\"b\": 2}}", encoder)
        #expect(String(decoding: row, as: UTF8.self) == #"{"a":\t1,\r"b": 2}"# + "\n")
    }

    @Test func errorExcerptsAreCutShort() throws {
        let long = String(repeating: "x", count: 100)
        let error = try #require(try T.failure(#"{"v":"\#(long)"}"#, .bigint))
        #expect(error.excerpt == "\"" + String(repeating: "x", count: 39) + "…")
    }
}
