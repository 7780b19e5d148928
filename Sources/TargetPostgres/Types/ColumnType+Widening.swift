extension ColumnType {
    /// The type a column must have to hold values of both `existing` and `incoming` without
    /// changing any of them: the least common supertype in this order,
    ///
    /// ```
    ///            jsonb
    ///              │
    ///            text
    ///   ┌──────┬───┴───┬──────┬────────────┐
    /// boolean numeric date  time  timestamptz
    ///           │
    ///         bigint
    /// ```
    ///
    /// So `bigint` + `numeric` → `numeric`; two different scalars otherwise → `text`
    /// (`boolean` + `bigint`, `date` + `timestamptz`: turning a date into a midnight in some
    /// time zone would invent data); anything + `jsonb` → `jsonb`. A narrower `incoming` keeps
    /// the wider `existing` column, as the issue asks: `numeric` stays `numeric` when a schema
    /// says `integer` again.
    ///
    /// ```swift
    /// ColumnType.widening(existing: .bigint, incoming: .numeric)   // .numeric
    /// ColumnType.widening(existing: .numeric, incoming: .bigint)   // .numeric
    /// ColumnType.widening(existing: .date, incoming: .text)        // .text
    /// ```
    public static func widening(existing: ColumnType, incoming: ColumnType) -> ColumnType {
        switch (existing, incoming) {
        case _ where existing == incoming: existing
        case (.jsonb, _), (_, .jsonb): .jsonb
        case (.bigint, .numeric), (.numeric, .bigint): .numeric
        default: .text
        }
    }

    /// Whether `ALTER TABLE … ALTER COLUMN … TYPE to USING …` with ``alterUsing(column:to:)``
    /// keeps every value of a `from` column: true exactly when `to` is `from` or wider.
    public static func canConvertInPlace(from: ColumnType, to: ColumnType) -> Bool {
        widening(existing: from, incoming: to) == to
    }

    /// The `USING` expression that converts the column `quotedName` (already quoted) from this
    /// type to `target` without losing data; `nil` when `target` is narrower or unrelated
    /// (see ``canConvertInPlace(from:to:)``), which the loader must never attempt.
    ///
    /// Values keep their meaning, and their text is the one a tap would have sent:
    /// - `bigint` → `numeric`, and `boolean`, `bigint`, `numeric`, `time` → `text`: a plain cast
    ///   (`true`, `42`, `1.750`, `13:45:00` — none depends on session settings).
    /// - `date` → `text`: `YYYY-MM-DD` via `to_char`, because `::text` follows `DateStyle`.
    /// - `timestamptz` → `text`: RFC 3339 in UTC, `2024-01-02T03:04:05Z`, with a fraction only
    ///   when there is one (`…05.25Z`). The offset a tap sent was never stored (PostgreSQL
    ///   keeps the instant), so UTC is the faithful spelling; `::text` would follow the
    ///   session's `TimeZone` and `DateStyle` and read `2024-01-02 04:04:05+01`.
    /// - anything → `jsonb`: `to_jsonb` of the value (numbers stay numbers, booleans booleans,
    ///   text a JSON string), or of the text spelling above for dates and times.
    /// - `infinity`, and dates before year 1, fall back to PostgreSQL's own spelling
    ///   (`to_char` cannot print them).
    ///
    /// ```swift
    /// ColumnType.bigint.alterUsing(column: #""Amount""#, to: .numeric)   // "\"Amount\"::numeric"
    /// ColumnType.text.alterUsing(column: #""Notes""#, to: .jsonb)        // "to_jsonb(\"Notes\")"
    /// ```
    public func alterUsing(column quotedName: String, to target: ColumnType) -> String? {
        guard Self.canConvertInPlace(from: self, to: target) else { return nil }
        switch target {
        case self: return quotedName
        case .numeric: return "\(quotedName)::numeric"
        case .text: return textExpression(column: quotedName)
        case .jsonb:
            switch self {
            case .date, .time, .timestamptz: return "to_jsonb(\(textExpression(column: quotedName)))"
            default: return "to_jsonb(\(quotedName))"
            }
        default: return nil
        }
    }

    /// An expression giving the column's value as the text a tap would send for it.
    private func textExpression(column c: String) -> String {
        switch self {
        case .date:
            "CASE WHEN isfinite(\(c)) AND \(c) >= DATE '0001-01-01' THEN to_char(\(c), 'YYYY-MM-DD') ELSE \(c)::text END"
        case .timestamptz:
            // Microseconds always printed, then trailing zeros (and a bare `.`) trimmed.
            "CASE WHEN isfinite(\(c)) AND \(c) >= TIMESTAMPTZ '0001-01-01 00:00:00+00' THEN "
                + "regexp_replace(to_char(\(c) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '[.]?0+$', '') || 'Z' "
                + "ELSE \(c)::text END"
        default:
            "\(c)::text"
        }
    }
}
