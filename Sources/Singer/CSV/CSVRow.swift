/// One parsed CSV row, borrowed from the parser: valid only inside the `onRow` callback.
///
/// ```swift
/// try parser.push(chunk) { row in
///     row.count          // fields in this row
///     row[0].text        // "001…"
///     row[1].isEmpty     // true for `,,` and for `,"",`
///     row[1].wasQuoted   // tells those two apart
/// }
/// ```
public struct CSVRow {
    /// The unescaped bytes of every field, back to back.
    let content: UnsafeBufferPointer<UInt8>
    /// Where each field ends in `content`.
    let ends: UnsafeBufferPointer<Int>
    /// Whether each field was written in double quotes.
    let quoted: UnsafeBufferPointer<Bool>

    /// The row's position in the input, from 1 (the header row of a Bulk result is row 1).
    public let number: Int

    /// The number of fields in the row.
    public var count: Int { ends.count }

    /// The field at `index` (0 ..< `count`).
    public subscript(index: Int) -> CSVField {
        let start = index == 0 ? 0 : ends[index - 1]
        return CSVField(
            bytes: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(content)[start..<ends[index]]),
            wasQuoted: quoted[index])
    }

    /// Every field as a `String` (for header rows and tests; records should read bytes).
    public var strings: [String] { (0..<count).map { self[$0].text } }
}

/// One field of a ``CSVRow``: its bytes with quotes removed and doubled quotes undone.
public struct CSVField {
    /// The field's UTF-8 bytes, valid only while the row is.
    public let bytes: UnsafeRawBufferPointer
    /// Whether the field was quoted, so `""` (quoted, empty) and `` (nothing) can be told apart.
    public let wasQuoted: Bool

    /// Whether the field has no bytes (either `,,` or `,"",`).
    public var isEmpty: Bool { bytes.isEmpty }

    /// The field as text; ill-formed UTF-8 becomes U+FFFD.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
