extension ValidationRun {
    mutating func checkString(_ string: String, against storage: JSONSchema.Storage) -> Bool {
        var valid = true
        // Lengths count Unicode code points, as JSON Schema specifies. A string's UTF-8 byte
        // count bounds its code points (between bytes/4 and bytes), which usually settles the
        // question without counting.
        if let maxLength = storage.keywords.maxLength, string.utf8.count > maxLength {
            let length = string.unicodeScalars.count
            if length > maxLength {
                fail(.length, "expected at most \(maxLength) characters, got \(length)")
                valid = false
                if isDone { return false }
            }
        }
        if let minLength = storage.keywords.minLength, (string.utf8.count + 3) / 4 < minLength {
            let length = string.unicodeScalars.count
            if length < minLength {
                fail(.length, "expected at least \(minLength) characters, got \(length)")
                valid = false
                if isDone { return false }
            }
        }
        switch storage.keywords.formatCheck {
        case .none:
            break
        case .dateTime where RFC3339.parseDateTime(string) == nil:
            fail(.format, "expected a date-time like 2024-01-02T03:04:05Z, got \(ValueSummary.compact(.string(string)))")
            valid = false
        case .date where RFC3339.parseDate(string) == nil:
            fail(.format, "expected a date like 2024-01-02, got \(ValueSummary.compact(.string(string)))")
            valid = false
        case .time where RFC3339.parseTime(string) == nil:
            fail(.format, "expected a time like 03:04:05, got \(ValueSummary.compact(.string(string)))")
            valid = false
        case .dateTime, .date, .time:
            break
        }
        return valid
    }

    /// Bounds and `multipleOf`, compared exactly on the number's decimal digits. `NaN` and the
    /// infinities fail every numeric constraint.
    mutating func checkNumber(_ number: JSONNumber, against storage: JSONSchema.Storage) -> Bool {
        number.withDigits { digits in
            var valid = true
            func compare(_ bound: SchemaKeywords.Bound?, passes: (Int) -> Bool, _ expectation: String, _ run: inout ValidationRun) {
                guard let bound, valid || !run.isDone else { return }
                if let digits, passes(digits.compare(to: bound.exact)) { return }
                run.fail(.range, "expected \(expectation) \(bound.number.text), got \(number.text)")
                valid = false
            }
            compare(storage.keywords.minimum, passes: { $0 >= 0 }, "at least", &self)
            compare(storage.keywords.exclusiveMinimum, passes: { $0 > 0 }, "more than", &self)
            compare(storage.keywords.maximum, passes: { $0 <= 0 }, "at most", &self)
            compare(storage.keywords.exclusiveMaximum, passes: { $0 < 0 }, "less than", &self)
            if let divisor = storage.keywords.divisor, let multipleOf = storage.keywords.multipleOf, valid || !isDone {
                if digits.map(divisor.divides) != true {
                    fail(.multipleOf, "expected a multiple of \(multipleOf.text), got \(number.text)")
                    valid = false
                }
            }
            return valid
        }
    }
}
