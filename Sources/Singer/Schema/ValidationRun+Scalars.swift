extension ValidationRun {
    /// Lengths and `format` on a string's UTF-8; `value` is only materialised for a message.
    mutating func checkString(_ utf8: UnsafeBufferPointer<UInt8>, of value: some ValidatedValue, against storage: JSONSchema.Storage) -> Bool {
        var valid = true
        // Lengths count Unicode code points, as JSON Schema specifies. A string's UTF-8 byte
        // count bounds its code points (between bytes/4 and bytes), which usually settles the
        // question without counting.
        if let maxLength = storage.keywords.maxLength, utf8.count > maxLength {
            let length = Self.codePointCount(utf8)
            if length > maxLength {
                fail(.length, "expected at most \(maxLength) characters, got \(length)")
                valid = false
                if isDone { return false }
            }
        }
        if let minLength = storage.keywords.minLength, (utf8.count + 3) / 4 < minLength {
            let length = Self.codePointCount(utf8)
            if length < minLength {
                fail(.length, "expected at least \(minLength) characters, got \(length)")
                valid = false
                if isDone { return false }
            }
        }
        switch storage.keywords.formatCheck {
        case .none:
            break
        case .dateTime where RFC3339.parseDateTime(utf8) == nil:
            fail(.format, "expected a date-time like 2024-01-02T03:04:05Z, got \(ValueSummary.compact(value.materialized))")
            valid = false
        case .date where RFC3339.parseDate(utf8) == nil:
            fail(.format, "expected a date like 2024-01-02, got \(ValueSummary.compact(value.materialized))")
            valid = false
        case .time where RFC3339.parseTime(utf8) == nil:
            fail(.format, "expected a time like 03:04:05, got \(ValueSummary.compact(value.materialized))")
            valid = false
        case .dateTime, .date, .time:
            break
        }
        return valid
    }

    /// Code points in valid UTF-8: every byte that does not continue a sequence starts one.
    static func codePointCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in utf8 where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Bounds and `multipleOf`, compared exactly on the number's decimal digits. `NaN` and the
    /// infinities fail every numeric constraint.
    mutating func checkNumber(_ number: some ValidatedValue, against storage: JSONSchema.Storage) -> Bool {
        number.withNumberDigits { digits in
            var valid = true
            func compare(_ bound: SchemaKeywords.Bound?, passes: (Int) -> Bool, _ expectation: String, _ run: inout ValidationRun) {
                guard let bound, valid || !run.isDone else { return }
                if let digits, passes(digits.compare(to: bound.exact)) { return }
                run.fail(.range, "expected \(expectation) \(bound.number.text), got \(number.numberText)")
                valid = false
            }
            compare(storage.keywords.minimum, passes: { $0 >= 0 }, "at least", &self)
            compare(storage.keywords.exclusiveMinimum, passes: { $0 > 0 }, "more than", &self)
            compare(storage.keywords.maximum, passes: { $0 <= 0 }, "at most", &self)
            compare(storage.keywords.exclusiveMaximum, passes: { $0 < 0 }, "less than", &self)
            if let divisor = storage.keywords.divisor, let multipleOf = storage.keywords.multipleOf, valid || !isDone {
                if digits.map(divisor.divides) != true {
                    fail(.multipleOf, "expected a multiple of \(multipleOf.text), got \(number.numberText)")
                    valid = false
                }
            }
            return valid
        }
    }
}
