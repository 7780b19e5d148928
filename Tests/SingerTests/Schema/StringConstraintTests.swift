import Testing

@testable import Singer

@Suite struct StringConstraintTests {
    typealias Support = SchemaTestSupport

    @Test func lengthsCountCodePointsNotBytes() throws {
        let schema = try Support.schema(#"{"type": "string", "minLength": 2, "maxLength": 3}"#)
        #expect(schema.isValid("😀😀😀"))        // 12 UTF-8 bytes, 3 code points
        #expect(schema.isValid("été"))
        #expect(try Support.errors(schema, #""😀😀😀😀""#) == ["record: expected at most 3 characters, got 4"])
        #expect(try Support.errors(schema, #""😀""#) == ["record: expected at least 2 characters, got 1"])
        #expect(try Support.errors(schema, #""""#) == ["record: expected at least 2 characters, got 0"])
    }

    @Test func lengthCountsCodePointsEvenWithinOneGrapheme() throws {
        // A flag is one Character but two code points, as JSON Schema counts.
        let schema = try Support.schema(#"{"maxLength": 1}"#)
        #expect(!schema.isValid("🇫🇷"))
        #expect(schema.isValid("é"))
    }

    @Test func dateTimeFormatAcceptsTheFormsTapsSend() throws {
        let schema = try Support.schema(#"{"type": ["string", "null"], "format": "date-time"}"#)
        for text in ["2024-01-02T03:04:05Z", "2024-01-02T03:04:05.123456Z", "2024-01-02T03:04:05+00:00",
                     "2024-01-02T03:04:05-05:30", "2024-01-02T03:04:05.000+0000", "2024-02-29T00:00:00Z",
                     "2024-01-02T03:04:05", "2024-01-02 03:04:05+01"] {
            #expect(schema.isValid(.string(text)), "\(text)")
        }
        #expect(schema.isValid(nil))
    }

    @Test func dateTimeFormatRejectsImpossibleOrMalformedText() throws {
        let schema = try Support.schema(#"{"type": "string", "format": "date-time"}"#)
        #expect(try Support.errors(schema, #""not a date""#) == [#"record: expected a date-time like 2024-01-02T03:04:05Z, got "not a date""#])
        for text in ["2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-01-02", "2024-01-02T24:00:00Z",
                     "2024-01-02T03:04:05.Z", "2024-01-02T03:04:05+5:00", "2024-01-02T03:04:05Z ", "0000-01-01T00:00:00Z"] {
            #expect(!schema.isValid(.string(text)), "\(text)")
        }
    }

    @Test func dateFormatChecksTheCalendar() throws {
        let schema = try Support.schema(#"{"format": "date"}"#)
        #expect(schema.isValid("2024-02-29"))
        #expect(schema.isValid("2000-02-29"))
        #expect(try Support.errors(schema, #""2023-02-29""#) == [#"record: expected a date like 2024-01-02, got "2023-02-29""#])
        for text in ["1900-02-29", "2024-04-31", "2024-1-02", "2024-01-02T00:00:00Z", "20240102"] {
            #expect(!schema.isValid(.string(text)), "\(text)")
        }
    }

    @Test func timeFormatAcceptsFractionsAndOffsets() throws {
        let schema = try Support.schema(#"{"format": "time"}"#)
        for text in ["03:04:05", "23:59:59.999999", "12:00:00Z", "12:00:00-05:30"] {
            #expect(schema.isValid(.string(text)), "\(text)")
        }
        #expect(try Support.errors(schema, #""25:00:00""#) == [#"record: expected a time like 03:04:05, got "25:00:00""#])
        #expect(!schema.isValid("12:00"))
    }

    @Test func formatsOnlyApplyToStrings() throws {
        let schema = try Support.schema(#"{"format": "date-time"}"#)
        #expect(schema.isValid(5))
        #expect(schema.isValid(nil))
    }

    @Test func unknownFormatsPassThrough() throws {
        for format in ["singer.decimal", "x-singer.decimal", "email", "uri", "made-up"] {
            let schema = try JSONSchema(["type": "string", "format": .string(format)])
            #expect(schema.format == SchemaFormat(format))
            #expect(schema.isValid("anything at all"), "\(format)")
        }
    }
}
