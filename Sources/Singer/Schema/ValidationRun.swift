/// One walk of a value against a schema, collecting up to `limit` errors. With a limit of 0 it
/// only answers valid or not and builds no messages at all, which is how `anyOf` branches are
/// tried.
///
/// The walk is generic over ``ValidatedValue``, so the same rules check an owned `JSONValue` and
/// a `JSONElement` over the input bytes, with the same errors.
struct ValidationRun {
    private(set) var errors: [SchemaViolation] = []
    let limit: Int
    /// Where escaped strings are decoded for string keywords, kept for the whole walk.
    var scratch: [UInt8] = []

    init(limit: Int) { self.limit = limit }

    /// Whether no more errors are wanted, so the walk can stop at the first failure.
    var isDone: Bool { errors.count >= limit }

    /// Records a failure at the current value, or at its member `component`. The message is an
    /// autoclosure so a walk that only wants yes or no never formats it.
    mutating func fail(_ kind: SchemaViolation.Kind, _ message: @autoclosure () -> String, at component: JSONPath.Component? = nil) {
        guard errors.count < limit else { return }
        let path = JSONPath(root: "", components: component.map { [$0] } ?? [])
        errors.append(SchemaViolation(path: path, kind: kind, message: message()))
    }

    /// Puts `component` in front of the paths of the errors recorded since `start`, as the walk
    /// returns from a member or element.
    private mutating func prefixErrors(from start: Int, with component: JSONPath.Component) {
        for index in start..<errors.count { errors[index].path.components.insert(component, at: 0) }
    }

    /// Whether `value` passes `schema`; failures are recorded up to the limit.
    mutating func check<Value: ValidatedValue>(_ value: Value, against schema: JSONSchema) -> Bool {
        let storage = schema.storage
        if storage.acceptsEverything { return true }
        if storage.keywords.rejectsEverything {
            fail(.type, "no value is allowed here (the schema is false)")
            return false
        }
        if storage.keywords.hasTypeKeyword, !storage.keywords.types.admits(validated: value) {
            // Other keywords would only repeat the mismatch in other words.
            fail(.type, "expected \(storage.keywords.types), got \(ValueSummary.typed(value.materialized))")
            return false
        }
        var valid = true
        switch value.validationKind {
        case .string where storage.checksStrings:
            // The scratch buffer is lent out for the call and put back, to be reused.
            var scratch = self.scratch
            self.scratch = []
            valid = value.withStringUTF8(scratch: &scratch) { checkString($0, of: value, against: storage) }
            self.scratch = scratch
        case .number where storage.checksNumbers:
            valid = checkNumber(value, against: storage)
        case .object where storage.checksObjects:
            valid = checkObject(value, against: storage)
        case .array where storage.checksArrays:
            valid = checkArray(value, against: storage)
        default:
            break
        }
        if !valid, isDone { return false }
        // `enum` and `const` compare whole values, so an element is materialised for them: rare
        // in Singer schemas, and usually on short strings.
        if let allowed = storage.keywords.enumValues, case let materialized = value.materialized, !allowed.contains(materialized) {
            fail(.enumeration, allowed.count == 1
                ? "expected \(ValueSummary.compact(allowed[0])), got \(ValueSummary.compact(materialized))"
                : "expected one of \(ValueSummary.compact(.array(allowed))), got \(ValueSummary.compact(materialized))")
            valid = false
            if isDone { return false }
        }
        if storage.checksCombinations, !checkCombinations(value, against: storage) { valid = false }
        return valid
    }

    private mutating func checkObject<Value: ValidatedValue>(_ object: Value, against storage: JSONSchema.Storage) -> Bool {
        let additional = storage.keywords.hasPatternProperties ? .allowed : storage.keywords.additionalProperties
        let table = storage.propertyTable
        var valid = true
        var stopped = false
        var requiredSeen: UInt64 = 0
        object.forEachMember(lookingUpIn: table) { found, value, name in
            if let found {
                let bit = table.entries[found].requiredBit
                if bit >= 0, bit < 64 { requiredSeen |= 1 << UInt64(bit) }
                if let schema = table.entries[found].schema {
                    let start = errors.count
                    guard !check(value, against: schema) else { return true }
                    valid = false
                    prefixErrors(from: start, with: .key(name()))
                    stopped = isDone
                    return !stopped
                }
            }
            switch additional {
            case .allowed:
                return true
            case .schema(let schema):
                let start = errors.count
                guard !check(value, against: schema) else { return true }
                valid = false
                prefixErrors(from: start, with: .key(name()))
            case .forbidden:
                fail(.additionalProperty, "property is not allowed", at: .key(name()))
                valid = false
            }
            stopped = isDone
            return !stopped
        }
        if stopped { return false }
        guard table.requiredCount > 0 else { return valid }
        if table.tracksRequiredWithMask {
            guard requiredSeen.nonzeroBitCount != table.requiredCount else { return valid }
            for entry in table.entries where entry.requiredBit >= 0 && requiredSeen & (1 << UInt64(entry.requiredBit)) == 0 {
                fail(.required, "required property is missing", at: .key(entry.name))
                valid = false
                if isDone { return false }
            }
        } else {
            for name in storage.keywords.required where !object.hasMember(named: name) {
                fail(.required, "required property is missing", at: .key(name))
                valid = false
                if isDone { return false }
            }
        }
        return valid
    }

    private mutating func checkArray<Value: ValidatedValue>(_ array: Value, against storage: JSONSchema.Storage) -> Bool {
        var valid = true
        var stopped = false
        array.forEachElement { index, element in
            let elementSchema: JSONSchema
            if let items = storage.keywords.items {
                elementSchema = items
            } else if let tuple = storage.keywords.tupleItems, index < tuple.count {
                elementSchema = tuple[index]
            } else {
                return false
            }
            let start = errors.count
            if !check(element, against: elementSchema) {
                valid = false
                prefixErrors(from: start, with: .index(index))
                stopped = isDone
            }
            return !stopped
        }
        return stopped ? false : valid
    }

    private mutating func checkCombinations<Value: ValidatedValue>(_ value: Value, against storage: JSONSchema.Storage) -> Bool {
        var valid = true
        for member in storage.keywords.allOf where !check(value, against: member) {
            valid = false
            if isDone { return false }
        }
        let anyOf = storage.keywords.anyOf
        if !anyOf.isEmpty, !anyOf.contains(where: { Self.passes(value, $0) }) {
            fail(.combination, "does not match any of the allowed schemas (\(Self.reasons(value, failing: anyOf)))")
            valid = false
            if isDone { return false }
        }
        let oneOf = storage.keywords.oneOf
        if !oneOf.isEmpty {
            var matches: [Int] = []
            for (index, member) in oneOf.enumerated() where matches.count < 2 && Self.passes(value, member) {
                matches.append(index)
            }
            if matches.isEmpty {
                fail(.combination, "does not match any of the allowed schemas (\(Self.reasons(value, failing: oneOf)))")
            } else if matches.count > 1 {
                fail(.combination, "matches oneOf[\(matches[0])] and oneOf[\(matches[1])], but must match exactly one")
            }
            if matches.count != 1 {
                valid = false
                if isDone { return false }
            }
        }
        if let not = storage.keywords.not, Self.passes(value, not) {
            fail(.combination, "must not match the \"not\" schema, got \(ValueSummary.typed(value.materialized))")
            valid = false
        }
        return valid
    }

    private static func passes(_ value: some ValidatedValue, _ schema: JSONSchema) -> Bool {
        var run = ValidationRun(limit: 0)
        return run.check(value, against: schema)
    }

    /// The first reason each branch gave, for a message on a value no branch accepted.
    private static func reasons(_ value: some ValidatedValue, failing branches: [JSONSchema]) -> String {
        branches.map { branch in
            var run = ValidationRun(limit: 1)
            _ = run.check(value, against: branch)
            guard let error = run.errors.first else { return "?" }
            let place = error.path.relativeDescription
            return place.isEmpty ? error.message : "\(place): \(error.message)"
        }.joined(separator: "; ")
    }
}
