import Singer

/// Maps the rows of an export file to records: the header row names the columns, and each
/// selected column is typed by its property schema. Columns the catalog does not select are dropped.
///
/// ```swift
/// var mapper = CSVRecordMapper(schema: entry.schema, selected: ["id", "email"])
/// mapper.readHeader(headerRow)
/// let record = mapper.record(from: row) { field, value in warn(field, value) }
/// ```
public struct CSVRecordMapper {
    public struct Column {
        public var index: Int
        public var name: String
        public var converter: FieldConverter
    }

    let schema: JSONValue
    let selected: Set<String>
    public private(set) var columns: [Column] = []
    /// The header's column names, for checks and the activities mapping.
    public private(set) var header: [String] = []

    public init(schema: JSONValue, selected: Set<String>) {
        self.schema = schema
        self.selected = selected
    }

    public var hasHeader: Bool { !header.isEmpty }

    /// The property names the catalog selects.
    public var selectedNames: Set<String> { selected }

    /// Reads the header row; `\r` and NUL are stripped from names, as the Python tap does.
    public mutating func readHeader(_ row: CSVRow) {
        header = row.strings.map(Self.cleaned)
        columns = header.enumerated().compactMap { index, name in
            guard selected.contains(name) else { return nil }
            return Column(index: index, name: name, converter: FieldConverter(schema: schema["properties"]?[name]))
        }
    }

    /// The record of one data row.
    public func record(from row: CSVRow, invalid: (String, String) -> Void = { _, _ in }) -> JSONObject {
        var record = JSONObject()
        record.reserveCapacity(columns.count)
        for column in columns where column.index < row.count {
            let text = Self.cleaned(row[column.index].text)
            record.append(key: column.name, value: column.converter.convert(text) { invalid(column.name, $0) })
        }
        return record
    }

    /// The text of column `name` in `row`, `nil` when the file has no such column.
    public func text(_ name: String, in row: CSVRow) -> String? {
        guard let index = header.firstIndex(of: name), index < row.count else { return nil }
        return Self.cleaned(row[index].text)
    }

    static func cleaned(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0D || $0 == 0 }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { $0 != "\r" && $0 != "\0" })
        return String(scalars)
    }
}
