import Postgres
import Singer

/// Encodes records as rows of PostgreSQL's COPY text format, one field per ``CopyColumn``.
///
/// Fields are tab-separated, each row ends with `\n`, NULL (a JSON `null` or a missing property)
/// is `\N`, and backslash, tab, newline and carriage return are escaped, so `""` stays distinct
/// from NULL and `"NULL"`, `"\N"` or a multi-line string arrive byte for byte. Values are
/// written as they stand in the record, never through a binary type: numbers keep every digit,
/// date-times keep their offsets. A record read from input is written straight from its input
/// bytes, walked once. What a column cannot hold is a ``CopyEncodingError``, thrown with the
/// buffer as it was before the row.
///
/// ```swift
/// let encoder = CopyRowEncoder(columns: [
///     CopyColumn(propertyName: "Id", type: .text),
///     CopyColumn(propertyName: "Amount", type: .numeric),
/// ])
/// var rows: [UInt8] = []
/// try raw.withElement { try encoder.encode($0, into: &rows) }   // 0065e00000Abc\t12345678901234.99\n
/// ```
public struct CopyRowEncoder: Sendable {
    /// The columns, in the order the COPY statement lists them.
    public let columns: [CopyColumn]
    public let nulPolicy: NULPolicy
    private let properties: CopyPropertyIndex
    private let escaper: CopyFieldEscaper
    private let json: CopyJSONText

    public init(columns: [CopyColumn], nulPolicy: NULPolicy = .fail) {
        self.columns = columns
        self.nulPolicy = nulPolicy
        properties = CopyPropertyIndex(columns: columns)
        escaper = CopyFieldEscaper(nulPolicy: nulPolicy)
        json = CopyJSONText(nulPolicy: nulPolicy)
    }

    /// Appends the row for `record`, a record object walked in place (a non-object has no
    /// members, so every field is NULL).
    public func encode(_ record: JSONElement, into buffer: inout [UInt8]) throws(CopyEncodingError) {
        try encodeFields(record, into: &buffer)
        buffer.append(CopyTextFormat.rowEnd)
    }

    /// Appends the row for a record held as a `JSONObject`.
    public func encode(_ record: JSONObject, into buffer: inout [UInt8]) throws(CopyEncodingError) {
        try encodeFields(record, into: &buffer)
        buffer.append(CopyTextFormat.rowEnd)
    }

    /// Appends the row's fields without the row end, for a caller that adds columns of its own
    /// (metadata such as `_sdc_received_at`) before ending the row.
    public func encodeFields(_ record: JSONElement, into buffer: inout [UInt8]) throws(CopyEncodingError) {
        let failure = withUnsafeTemporaryAllocation(of: JSONElement?.self, capacity: properties.names.count) { fields in
            fields.initialize(repeating: nil)
            defer { fields.deinitialize() }
            var hasEscapedName = false
            record.forEachMember { name, value in
                if let property = properties.property(named: name) {
                    fields[property] = value  // the last of duplicate names wins, as in `JSONObject`
                } else if name.contains(UInt8(ascii: "\\")) {
                    hasEscapedName = true
                }
            }
            if hasEscapedName {
                // A name written with escapes (rare): let the element decode names while it looks up.
                for property in fields.indices {
                    fields[property] = record.member(String(decoding: properties.names[property], as: UTF8.self))
                }
            }
            return encodeFields(into: &buffer) { fields[$0] }
        }
        if let failure { throw failure }
    }

    /// Appends the fields of a record held as a `JSONObject`, without the row end.
    public func encodeFields(_ record: JSONObject, into buffer: inout [UInt8]) throws(CopyEncodingError) {
        if let failure = encodeFields(into: &buffer, { record[properties.propertyNames[$0]] }) { throw failure }
    }

    /// Writes each column's field from `field(property)`; on failure restores the buffer.
    private func encodeFields<Field: CopyFieldSource>(into buffer: inout [UInt8], _ field: (Int) -> Field?) -> CopyEncodingError? {
        let rowStart = buffer.count
        for (position, column) in columns.enumerated() {
            if position > 0 { buffer.append(CopyTextFormat.delimiter) }
            guard let value = field(properties.propertyOfColumn[position]), value.copyKind != .null else {
                buffer.append(contentsOf: CopyTextFormat.null)
                continue
            }
            do {
                try encode(value, as: column.type, into: &buffer)
            } catch {
                // Leave the buffer as it was, so the rows before stay whole and the caller can go on.
                buffer.removeSubrange(rowStart...)
                return CopyEncodingError(
                    propertyName: column.propertyName, columnType: column.type,
                    excerpt: CopyEncodingError.excerpt(of: value.copyValue), reason: error.reason)
            }
        }
        return nil
    }

    private func encode<Field: CopyFieldSource>(_ field: Field, as type: ColumnType, into buffer: inout [UInt8]) throws(CopyFieldFailure) {
        switch type {
        case .text:
            if let written = field.appendCopyString(escaper, to: &buffer) {
                guard written else { throw CopyFieldFailure(.containsNUL) }
            } else if field.withCopyNumberText({ buffer.append(contentsOf: $0) }) == nil {
                // Objects, arrays and booleans as their JSON text; numbers above as written (NaN too).
                try field.appendCopyJSON(json, for: .text, to: &buffer)
            }
        case .bigint:
            try appendInteger(field, to: &buffer)
        case .numeric:
            try appendDecimal(field, to: &buffer)
        case .boolean:
            guard let flag = field.copyBool else { throw wrongType(field) }
            buffer.append(flag ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .date, .time, .timestamptz:
            let valid = field.withCopyDecodedString { utf8 in
                guard Self.isValid(utf8, for: type) else { return false }
                buffer.append(contentsOf: utf8)  // valid dates and times hold nothing to escape
                return true
            }
            guard let valid else { throw wrongType(field) }
            guard valid else { throw CopyFieldFailure(.notInFormat) }
        case .jsonb:
            try field.appendCopyJSON(json, for: .jsonb, to: &buffer)
        }
    }

    /// Integers in any notation (`1.0`, `1e3`) as plain digits; never rounded.
    private func appendInteger<Field: CopyFieldSource>(_ field: Field, to buffer: inout [UInt8]) throws(CopyFieldFailure) {
        let failure = field.withCopyNumberText { utf8 -> CopyEncodingError.Reason? in
            guard let number = CopyNumberText(utf8), number.isIntegral else { return .notAnInteger }
            guard number.fitsInt64 else { return .needsWidening(column: .numeric) }
            number.appendInteger(to: &buffer)
            return nil
        }
        guard let failure else { throw wrongType(field) }
        if let failure { throw CopyFieldFailure(failure) }
    }

    /// Numbers, and decimal strings (`singer.decimal`), as written, once PostgreSQL can read them.
    private func appendDecimal<Field: CopyFieldSource>(_ field: Field, to buffer: inout [UInt8]) throws(CopyFieldFailure) {
        let isString = field.copyKind == .string
        let append = { (utf8: UnsafeBufferPointer<UInt8>) -> CopyEncodingError.Reason? in
            guard let number = CopyNumberText(utf8) else { return .notADecimalString }
            guard number.fitsPostgresNumeric else { return .beyondNumericRange }
            buffer.append(contentsOf: utf8)  // digits, signs, point, exponent and letters: nothing to escape
            return nil
        }
        let failure = isString ? field.withCopyDecodedString(append) : field.withCopyNumberText(append)
        guard let failure else { throw wrongType(field) }
        if let failure { throw CopyFieldFailure(failure) }
    }

    private func wrongType<Field: CopyFieldSource>(_ field: Field) -> CopyFieldFailure {
        CopyFieldFailure(.wrongJSONType(found: field.copyValue.typeName))
    }

    /// Checked here so a bad value names its field; PostgreSQL would fail the whole COPY instead.
    private static func isValid(_ utf8: UnsafeBufferPointer<UInt8>, for type: ColumnType) -> Bool {
        // RFC3339 reads a String: one allocation for texts past 15 bytes (most date-times).
        let text = String(decoding: utf8, as: UTF8.self)
        return switch type {
        case .date: RFC3339.parseDate(text) != nil
        case .time: RFC3339.parseTime(text) != nil
        default: RFC3339.parseDateTime(text) != nil
        }
    }
}
