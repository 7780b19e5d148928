import Postgres
import Singer

/// Encodes records as rows of PostgreSQL's COPY text format, one column per ``CopyColumn``.
///
/// Fields are tab-separated, each row ends with `\n`, NULL (a JSON `null` or a missing property)
/// is `\N`, and backslash, tab, newline and carriage return are escaped, so `""` stays distinct
/// from NULL and `"NULL"`, `"\N"` or a multi-line string arrive byte for byte. Values are
/// written as they stand in the record, never through a binary type: numbers keep every digit,
/// date-times keep their offsets. What a column cannot hold is a ``CopyEncodingError``, thrown
/// before any of the row reaches the buffer.
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
    private let escaper: CopyFieldEscaper
    private let json: CopyJSONText

    public init(columns: [CopyColumn], nulPolicy: NULPolicy = .fail) {
        self.columns = columns
        self.nulPolicy = nulPolicy
        escaper = CopyFieldEscaper(nulPolicy: nulPolicy)
        json = CopyJSONText(nulPolicy: nulPolicy)
    }

    /// Appends the row for `record`, a record object walked in place (members are looked up by
    /// property name; a non-object has none, so every field is NULL).
    public func encode(_ record: JSONElement, into buffer: inout [UInt8]) throws(CopyEncodingError) {
        try encodeRecord(record, into: &buffer)
    }

    /// Appends the row for a record held as a `JSONObject`.
    public func encode(_ record: JSONObject, into buffer: inout [UInt8]) throws(CopyEncodingError) {
        try encodeRecord(record, into: &buffer)
    }

    func encodeRecord<Record: CopyRecordSource>(_ record: Record, into buffer: inout [UInt8]) throws(CopyEncodingError) {
        let rowStart = buffer.count
        for (position, column) in columns.enumerated() {
            if position > 0 { buffer.append(CopyTextFormat.delimiter) }
            guard let field = record.copyField(named: column.propertyName), field.copyKind != .null else {
                buffer.append(contentsOf: CopyTextFormat.null)
                continue
            }
            do {
                try encode(field, as: column.type, into: &buffer)
            } catch {
                // Leave the buffer as it was, so the rows before stay whole and the caller can go on.
                buffer.removeSubrange(rowStart...)
                throw CopyEncodingError(
                    propertyName: column.propertyName, columnType: column.type,
                    excerpt: CopyEncodingError.excerpt(of: field.copyValue), reason: error.reason)
            }
        }
        buffer.append(CopyTextFormat.rowEnd)
    }

    private func encode<Field: CopyFieldSource>(_ field: Field, as type: ColumnType, into buffer: inout [UInt8]) throws(CopyFieldFailure) {
        switch type {
        case .text:
            if let string = field.copyString {
                try appendEscaped(string, to: &buffer)
            } else if let number = field.copyNumberText {
                try appendEscaped(number, to: &buffer)  // NaN and Infinity as written
            } else {
                try json.append(field.copyValue, for: .text, to: &buffer)
            }
        case .bigint:
            try appendInteger(field, to: &buffer)
        case .numeric:
            try appendDecimal(field, to: &buffer)
        case .boolean:
            guard let flag = field.copyBool else { throw wrongType(field) }
            buffer.append(flag ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .date, .time, .timestamptz:
            guard let string = field.copyString else { throw wrongType(field) }
            guard Self.isValid(string, for: type) else { throw CopyFieldFailure(.notInFormat) }
            try appendEscaped(string, to: &buffer)
        case .jsonb:
            try json.append(field.copyValue, for: .jsonb, to: &buffer)
        }
    }

    private func appendEscaped(_ string: String, to buffer: inout [UInt8]) throws(CopyFieldFailure) {
        var string = string
        guard string.withUTF8({ escaper.append($0, to: &buffer) }) else { throw CopyFieldFailure(.containsNUL) }
    }

    /// Integers in any notation (`1.0`, `1e3`) as plain digits; never rounded.
    private func appendInteger<Field: CopyFieldSource>(_ field: Field, to buffer: inout [UInt8]) throws(CopyFieldFailure) {
        guard var text = field.copyNumberText else { throw wrongType(field) }
        let failure = text.withUTF8 { utf8 -> CopyEncodingError.Reason? in
            guard let number = CopyNumberText(utf8), number.isIntegral else { return .notAnInteger }
            guard number.fitsInt64 else { return .needsWidening(column: .numeric) }
            number.appendInteger(to: &buffer)
            return nil
        }
        if let failure { throw CopyFieldFailure(failure) }
    }

    /// Numbers, and decimal strings (`singer.decimal`), as written, once PostgreSQL can read them.
    private func appendDecimal<Field: CopyFieldSource>(_ field: Field, to buffer: inout [UInt8]) throws(CopyFieldFailure) {
        let isString = field.copyKind == .string
        guard var text = isString ? field.copyString : field.copyNumberText else { throw wrongType(field) }
        let failure = text.withUTF8 { utf8 -> CopyEncodingError.Reason? in
            guard let number = CopyNumberText(utf8) else { return .notADecimalString }
            guard number.fitsPostgresNumeric else { return .beyondNumericRange }
            buffer.append(contentsOf: utf8)  // digits, signs, point, exponent and letters: nothing to escape
            return nil
        }
        if let failure { throw CopyFieldFailure(failure) }
    }

    private func wrongType<Field: CopyFieldSource>(_ field: Field) -> CopyFieldFailure {
        CopyFieldFailure(.wrongJSONType(found: field.copyValue.typeName))
    }

    /// Checked here so a bad value names its field; PostgreSQL would fail the whole COPY instead.
    private static func isValid(_ string: String, for type: ColumnType) -> Bool {
        switch type {
        case .date: RFC3339.parseDate(string) != nil
        case .time: RFC3339.parseTime(string) != nil
        default: RFC3339.parseDateTime(string) != nil
        }
    }
}
