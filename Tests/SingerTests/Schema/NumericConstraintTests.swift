import Testing

@testable import Singer

@Suite struct NumericConstraintTests {
    typealias Support = SchemaTestSupport

    @Test func integerAcceptsIntegralNumbersHoweverWritten() throws {
        let schema = try Support.schema(#"{"type": "integer"}"#)
        for text in ["1", "-7", "1.0", "1.000", "1e2", "12.5e1", "0", "-0.0", "123456789012345678901234567890"] {
            #expect(try Support.errors(schema, text).isEmpty, "\(text)")
        }
        #expect(try Support.errors(schema, "1.5") == ["record: expected integer, got number 1.5"])
        #expect(try Support.errors(schema, "1e-1") == ["record: expected integer, got number 1e-1"])
        #expect(try Support.errors(schema, "NaN") == ["record: expected integer, got number NaN"])
    }

    @Test func numberAcceptsIntegersAndFractions() throws {
        let schema = try Support.schema(#"{"type": "number"}"#)
        for text in ["1", "1.5", "-2e-8", "12345678901234.99"] {
            #expect(try Support.errors(schema, text).isEmpty, "\(text)")
        }
        #expect(try Support.errors(schema, "true") == ["record: expected number, got boolean true"])
    }

    @Test func multipleOfIsExactOnDecimals() throws {
        let cents = try Support.schema(#"{"type": "number", "multipleOf": 0.01}"#)
        for text in ["12345678901234.99", "0.3", "1", "-5.10", "1e-2", "1.5e3", "0", "99999999999999999999999999999999.99"] {
            #expect(try Support.errors(cents, text).isEmpty, "\(text)")
        }
        #expect(try Support.errors(cents, "1.234") == ["record: expected a multiple of 0.01, got 1.234"])
        #expect(try Support.errors(cents, "12345678901234.999") == ["record: expected a multiple of 0.01, got 12345678901234.999"])
        let tenths = try Support.schema(#"{"multipleOf": 0.1}"#)
        #expect(tenths.isValid(.number(JSONNumber("0.3")!)))  // 0.3 / 0.1 is not whole in binary floating point
        #expect(tenths.isValid(.number(JSONNumber("0.7")!)))
        #expect(!tenths.isValid(.number(JSONNumber("0.35")!)))
    }

    @Test func multipleOfWorksForWholeAndOddDivisors() throws {
        let sevens = try Support.schema(#"{"multipleOf": 7}"#)
        #expect(sevens.isValid(.number(JSONNumber("700000000000000000000000000000000000000000007")!)))
        #expect(!sevens.isValid(.number(JSONNumber("700000000000000000000000000000000000000000008")!)))
        #expect(sevens.isValid(.number(JSONNumber("1.4e1")!)))
        #expect(sevens.isValid(.number(JSONNumber("7e400")!)))
        #expect(!sevens.isValid(.number(JSONNumber("10e400")!)))
        #expect(!sevens.isValid(.number(JSONNumber("3.5")!)))
        let twoFifty = try Support.schema(#"{"multipleOf": 2.5e2}"#)
        #expect(twoFifty.isValid(1000))
        #expect(twoFifty.isValid(.number(JSONNumber("1e300")!)))
        #expect(!twoFifty.isValid(100))
    }

    @Test func multipleOfWithAVeryLongDivisor() throws {
        let schema = try Support.schema(#"{"multipleOf": 0.1234567890123456789012345}"#)
        #expect(schema.isValid(.number(JSONNumber("0.3703703670370370367037035")!)))   // 3 ×
        #expect(schema.isValid(.number(JSONNumber("12.34567890123456789012345")!)))   // 100 ×
        #expect(!schema.isValid(.number(JSONNumber("0.3703703670370370367037036")!)))
    }

    @Test func boundsCompareExactly() throws {
        let schema = try Support.schema(#"{"type": "number", "minimum": 0.1, "maximum": 99999999999999999999.99}"#)
        #expect(schema.isValid(.number(JSONNumber("0.1")!)))
        #expect(schema.isValid(.number(JSONNumber("99999999999999999999.99")!)))
        #expect(try Support.errors(schema, "0.09999999999999999999") == ["record: expected at least 0.1, got 0.09999999999999999999"])
        #expect(try Support.errors(schema, "99999999999999999999.991") == ["record: expected at most 99999999999999999999.99, got 99999999999999999999.991"])
        #expect(try Support.errors(schema, "-1e400") == ["record: expected at least 0.1, got -1e400"])
    }

    @Test func exclusiveBoundsRejectTheBoundItself() throws {
        let schema = try Support.schema(#"{"exclusiveMinimum": -2147483649, "exclusiveMaximum": 2147483648}"#)
        #expect(schema.isValid(-2_147_483_648))
        #expect(schema.isValid(2_147_483_647))
        #expect(try Support.errors(schema, "2147483648") == ["record: expected less than 2147483648, got 2147483648"])
        #expect(try Support.errors(schema, "-2147483649.0") == ["record: expected more than -2147483649, got -2147483649.0"])
    }

    @Test func negativeNumbersAndZeroCompareCorrectly() throws {
        let schema = try Support.schema(#"{"minimum": -1.5, "maximum": 0}"#)
        for text in ["-1.5", "-1.49", "0", "-0", "0.0e5"] {
            #expect(try Support.errors(schema, text).isEmpty, "\(text)")
        }
        #expect(try Support.errors(schema, "-1.51") == ["record: expected at least -1.5, got -1.51"])
        #expect(try Support.errors(schema, "1e-300") == ["record: expected at most 0, got 1e-300"])
    }

    @Test func nonFiniteNumbersFailNumericConstraints() throws {
        let schema = try Support.schema(#"{"type": "number", "minimum": 0, "multipleOf": 1}"#)
        #expect(try Support.errors(schema, "NaN") == [
            "record: expected at least 0, got NaN",
            "record: expected a multiple of 1, got NaN",
        ])
        #expect(try Support.errors(schema, "Infinity") == [
            "record: expected at least 0, got Infinity",
            "record: expected a multiple of 1, got Infinity",
        ])
        let unconstrained = try Support.schema(#"{"type": "number"}"#)
        #expect(try Support.errors(unconstrained, "-Infinity").isEmpty)
    }

    @Test func numericKeywordsIgnoreOtherTypes() throws {
        let schema = try Support.schema(#"{"minimum": 5, "multipleOf": 2}"#)
        #expect(schema.isValid("3"))
        #expect(schema.isValid(nil))
    }
}
