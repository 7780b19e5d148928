import Testing

@testable import TargetPostgres

@Suite struct ColumnTypeWideningTests {
    /// Expected `widening(existing: row, incoming: column)`, columns in `ColumnType.allCases`
    /// order: boolean, bigint, numeric, date, time, timestamptz, text, jsonb.
    private static let matrix: [ColumnType: [ColumnType]] = [
        .boolean: [.boolean, .text, .text, .text, .text, .text, .text, .jsonb],
        .bigint: [.text, .bigint, .numeric, .text, .text, .text, .text, .jsonb],
        .numeric: [.text, .numeric, .numeric, .text, .text, .text, .text, .jsonb],
        .date: [.text, .text, .text, .date, .text, .text, .text, .jsonb],
        .time: [.text, .text, .text, .text, .time, .text, .text, .jsonb],
        .timestamptz: [.text, .text, .text, .text, .text, .timestamptz, .text, .jsonb],
        .text: [.text, .text, .text, .text, .text, .text, .text, .jsonb],
        .jsonb: [.jsonb, .jsonb, .jsonb, .jsonb, .jsonb, .jsonb, .jsonb, .jsonb],
    ]

    @Test func wideningFollowsTheMatrix() {
        for existing in ColumnType.allCases {
            for (incoming, expected) in zip(ColumnType.allCases, Self.matrix[existing] ?? []) {
                #expect(ColumnType.widening(existing: existing, incoming: incoming) == expected, "\(existing) + \(incoming)")
            }
        }
    }

    @Test func wideningIsSymmetricSoANarrowerSchemaKeepsTheWiderColumn() {
        for a in ColumnType.allCases {
            for b in ColumnType.allCases {
                #expect(ColumnType.widening(existing: a, incoming: b) == ColumnType.widening(existing: b, incoming: a))
            }
        }
        #expect(ColumnType.widening(existing: .numeric, incoming: .bigint) == .numeric)
        #expect(ColumnType.widening(existing: .text, incoming: .timestamptz) == .text)
    }

    @Test func onlyWideningConversionsAreInPlace() {
        #expect(ColumnType.canConvertInPlace(from: .bigint, to: .numeric))
        #expect(ColumnType.canConvertInPlace(from: .timestamptz, to: .text))
        #expect(ColumnType.canConvertInPlace(from: .numeric, to: .jsonb))
        #expect(ColumnType.canConvertInPlace(from: .date, to: .date))
        #expect(!ColumnType.canConvertInPlace(from: .numeric, to: .bigint))
        #expect(!ColumnType.canConvertInPlace(from: .text, to: .date))
        #expect(!ColumnType.canConvertInPlace(from: .boolean, to: .bigint))
        #expect(!ColumnType.canConvertInPlace(from: .jsonb, to: .text))
    }

    @Test func everyInPlaceConversionHasAUsingExpression() {
        for from in ColumnType.allCases {
            for to in ColumnType.allCases {
                let using = from.alterUsing(column: #""c""#, to: to)
                #expect((using != nil) == ColumnType.canConvertInPlace(from: from, to: to), "\(from) → \(to)")
            }
        }
    }

    @Test func usingExpressionsKeepTheValuesSpelling() {
        let c = #""Amount""#
        #expect(ColumnType.bigint.alterUsing(column: c, to: .numeric) == #""Amount"::numeric"#)
        #expect(ColumnType.bigint.alterUsing(column: c, to: .bigint) == c)
        #expect(ColumnType.boolean.alterUsing(column: c, to: .text) == #""Amount"::text"#)
        #expect(ColumnType.numeric.alterUsing(column: c, to: .text) == #""Amount"::text"#)
        #expect(ColumnType.text.alterUsing(column: c, to: .jsonb) == #"to_jsonb("Amount")"#)
        #expect(ColumnType.numeric.alterUsing(column: c, to: .jsonb) == #"to_jsonb("Amount")"#)
        #expect(ColumnType.date.alterUsing(column: c, to: .text)?.contains("to_char(\"Amount\", 'YYYY-MM-DD')") == true)

        let timestamp = ColumnType.timestamptz.alterUsing(column: c, to: .text) ?? ""
        #expect(timestamp.contains(#"to_char("Amount" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')"#))
        #expect(timestamp.contains("|| 'Z'"))
        #expect(ColumnType.timestamptz.alterUsing(column: c, to: .jsonb)?.hasPrefix("to_jsonb(CASE") == true)
        #expect(ColumnType.numeric.alterUsing(column: c, to: .bigint) == nil)
    }
}
