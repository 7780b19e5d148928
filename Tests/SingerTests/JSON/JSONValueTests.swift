import Testing

@testable import Singer

@Suite struct JSONValueTests {
    private func parse(_ text: String) throws -> JSONValue {
        var parser = JSONParser()
        return try parser.parse(text)
    }

    @Test func numbersSurviveExactly() throws {
        let text = #"{"Amount":12345678901234.99,"Id":9007199254740993,"Tiny":1.0e-400,"Huge":-12e999}"#
        let value = try parse(text)
        #expect(value["Amount"]?.numberValue?.text == "12345678901234.99")
        #expect(value["Id"]?.numberValue?.text == "9007199254740993")
        #expect(value["Id"]?.intValue == 9_007_199_254_740_993)
        #expect(JSONWriter.string(from: value) == text)
    }

    @Test func numbersCompareByValueNotSpelling() {
        #expect(JSONNumber("1.0") == JSONNumber("1"))
        #expect(JSONNumber("1e2") == JSONNumber("100"))
        #expect(JSONNumber("-0") == JSONNumber("0"))
        #expect(JSONNumber("0.1") != JSONNumber("0.10000000000000001"))
        #expect(JSONNumber("12345678901234.99")! < JSONNumber("12345678901235")!)
        #expect(JSONNumber("-2")! < JSONNumber("-1.5")!)
        #expect(JSONNumber("1.5e1")?.isIntegral == true)
        #expect(JSONNumber("1.5")?.isIntegral == false)
        #expect(JSONNumber("01") == nil)
        #expect(JSONNumber("1.") == nil)
    }

    @Test func escapesIncludingSurrogatePairsDecode() throws {
        let value = try parse(#"["\u00e9\n\t\"\\\/", "\ud834\udd1e", "\ud800x", "€"]"#)
        #expect(value[0]?.stringValue == "é\n\t\"\\/")
        #expect(value[1]?.stringValue == "𝄞")
        #expect(value[2]?.stringValue == "\u{FFFD}x")  // a lone surrogate cannot be UTF-8
        #expect(value[3]?.stringValue == "€")
    }

    @Test func invalidUTF8IsRejectedWithItsOffset() {
        var parser = JSONParser()
        let bytes: [UInt8] = Array(#"{"a":"ok"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: JSONParseError(offset: 8, reason: "invalid UTF-8 in string")) { try parser.parse(bytes) }
    }

    @Test func errorsNameTheOffset() {
        var parser = JSONParser()
        #expect(throws: JSONParseError(offset: 9, reason: "expected ',' or '}' in object, found '\"'")) {
            try parser.parse(#"{"a": 1  "b": 2}"#)
        }
        #expect(throws: JSONParseError(offset: 1, reason: "expected a value, found end of text")) { try parser.parse("[") }
    }

    @Test func nonFiniteNumbersOnlyWhenAllowed() throws {
        var strict = JSONParser()
        #expect(throws: JSONParseError.self) { try strict.parse("[NaN]") }
        var tolerant = JSONParser(options: .init(allowsNonFiniteNumbers: true))
        let value = try tolerant.parse("[NaN, Infinity, -Infinity]")
        #expect(value[0]?.numberValue?.isFinite == false)
        #expect(value[2]?.numberValue?.doubleValue == -.infinity)
        // No JSON form exists for them, so they are written as null, as the Singer SDK does.
        #expect(JSONWriter.string(from: value) == "[null,null,null]")
    }

    @Test func writerIsCompactAndEscapesControls() throws {
        let value: JSONValue = ["a": [1, "x\u{0001}\n\"\\", nil, true], "é": [:]]
        let text = JSONWriter.string(from: value)
        #expect(text == #"{"a":[1,"x\u0001\n\"\\",null,true],"é":{}}"#)
        #expect(try parse(text) == value)
    }

    @Test func objectsKeepOrderButCompareWithoutIt() throws {
        let first = try parse(#"{"b":1,"a":2}"#)
        #expect(first.objectValue?.keys == ["b", "a"])
        #expect(first == (try parse(#"{"a":2,"b":1}"#)))
        #expect(first != (try parse(#"{"a":2,"b":3}"#)))
        #expect(Set([first, try parse(#"{"a":2,"b":1}"#)]).count == 1)
    }

    @Test func duplicateKeysResolveToTheLast() throws {
        let value = try parse(#"{"a":1,"a":2}"#)
        #expect(value["a"] == 2)
    }

    @Test func longRepeatedKeysAreSharedAcrossRecords() throws {
        var parser = JSONParser()
        let first = try parser.parse(#"{"Annual_Contract_Value__c":1}"#)
        let second = try parser.parse(#"{"Annual_Contract_Value__c":2}"#)
        #expect(first.objectValue?.keys == second.objectValue?.keys)
        #expect(second["Annual_Contract_Value__c"] == 2)
    }
}

@Suite struct JSONNumberLimitsTests {
    @Test func integersOutsideIntAreNilNeverATrap() {
        #expect(JSONNumber("9223372036854775807")?.intValue == Int.max)
        #expect(JSONNumber("9223372036854775808")?.intValue == nil)
        #expect(JSONNumber("-9223372036854775808")?.intValue == Int.min)
        #expect(JSONNumber("-9223372036854775809")?.intValue == nil)
        #expect(JSONNumber("9223372036854775808.0")?.intValue == nil)
        #expect(JSONNumber("-9223372036854775808.0")?.intValue == Int.min)
        #expect(JSONNumber("9.2e18")?.intValue == 9_200_000_000_000_000_000)
        #expect(JSONNumber("1e19")?.intValue == nil)
        #expect(JSONNumber("1.5")?.intValue == nil)
    }

    @Test func aHugeVersionIsAnErrorNotACrash() {
        var decoder = MessageDecoder()
        #expect(throws: MessageError.self) {
            try decoder.decode(#"{"type":"ACTIVATE_VERSION","stream":"s","version":9223372036854775808}"#)
        }
    }

    @Test func exponentsPastNineDigitsAreRejected() {
        var parser = JSONParser()
        #expect(throws: JSONParseError.self) { try parser.parse("1e1000000000") }
        #expect(throws: Never.self) { try parser.parse("1e999999999") }
        #expect(throws: Never.self) { try parser.parse("1e0000000000999") }  // leading zeros do not count
        #expect(JSONNumber("1e1000000000") == nil)
        #expect(JSONNumber("1e999999999") != JSONNumber("1e999999998"))
    }

    @Test func elementAndValueNameTheSameType() {
        var decoder = MessageDecoder()
        // 1.0 is an integer to JSON Schema, and so to every message that names its type.
        #expect(JSONValue.number(JSONNumber("1.0")!).typeName == "integer")
        do {
            _ = try decoder.decode(#"{"type":"RECORD","stream":"s","record":1.0}"#)
            Issue.record("a number is not a record")
        } catch {
            #expect("\(error)".hasSuffix("got integer"))
        }
    }
}
