/// Checks values against a ``JSONSchema`` and reports every mismatch with its path.
///
/// A valid value costs no allocation: paths are only built once something fails, by prefixing
/// each error with the keys and indices it passed through on the way back up.
///
/// ```swift
/// let validator = SchemaValidator(schema)
/// for error in validator.validate(record) { log.warning("\(error)") }
/// // record.LineItems[1].Price: expected number, got string "abc"
/// try validator.ensureValid(record)   // throws the first SchemaViolation
/// ```
public struct SchemaValidator: Sendable {
    /// The schema values are checked against.
    public let schema: JSONSchema
    /// The name paths start with, `record` unless told otherwise.
    public let rootName: String

    /// A validator for `schema` whose error paths start with `rootName`.
    public init(_ schema: JSONSchema, rootName: String = "record") {
        self.schema = schema
        self.rootName = rootName
    }

    /// Every mismatch, in document order; empty when `value` is valid.
    public func validate(_ value: JSONValue) -> [SchemaViolation] {
        run(value, limit: .max)
    }

    /// Throws the first mismatch, stopping the walk there.
    public func ensureValid(_ value: JSONValue) throws(SchemaViolation) {
        if let error = run(value, limit: 1).first { throw error }
    }

    /// Whether `value` is valid, without describing why not: the cheapest check.
    public func isValid(_ value: JSONValue) -> Bool {
        var run = ValidationRun(limit: 0)
        return run.check(value, against: schema)
    }

    /// Every mismatch of a value read in place, e.g. a record's wire form: the same errors as
    /// `validate(element.value)`, without materialising the value unless something fails.
    ///
    /// ```swift
    /// let errors = record.rawRecord?.withElement { validator.validate($0) }
    /// ```
    public func validate(_ element: JSONElement) -> [SchemaViolation] {
        run(element, limit: .max)
    }

    /// Throws the first mismatch of a value read in place; a valid value allocates nothing.
    public func ensureValid(_ element: JSONElement) throws(SchemaViolation) {
        if let error = run(element, limit: 1).first { throw error }
    }

    /// Whether a value read in place is valid.
    public func isValid(_ element: JSONElement) -> Bool {
        var run = ValidationRun(limit: 0)
        return run.check(element, against: schema)
    }

    private func run(_ value: some ValidatedValue, limit: Int) -> [SchemaViolation] {
        var run = ValidationRun(limit: limit)
        guard !run.check(value, against: schema) else { return [] }
        return run.errors.map { error in
            var error = error
            error.path.root = rootName
            return error
        }
    }
}

extension JSONSchema {
    /// Every mismatch between `value` and this schema; paths start at `rootName`.
    public func validate(_ value: JSONValue, rootName: String = "record") -> [SchemaViolation] {
        SchemaValidator(self, rootName: rootName).validate(value)
    }

    /// Throws the first mismatch between `value` and this schema.
    public func ensureValid(_ value: JSONValue, rootName: String = "record") throws(SchemaViolation) {
        try SchemaValidator(self, rootName: rootName).ensureValid(value)
    }

    /// Whether `value` passes this schema.
    public func isValid(_ value: JSONValue) -> Bool {
        SchemaValidator(self).isValid(value)
    }
}
