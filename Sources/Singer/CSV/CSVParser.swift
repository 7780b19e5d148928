#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A streaming RFC 4180 CSV parser: feed it a body in chunks of any size and it hands out rows.
///
/// Quoted fields may hold delimiters, doubled quotes (`""` → `"`) and line breaks; rows end
/// with LF, CRLF or a lone CR; a chunk boundary may fall anywhere, including inside a quoted
/// field, between CR and LF or inside a multi-byte UTF-8 character. Blank lines are skipped.
/// Like Python's `csv` module it is lenient with stray quotes (`ab"c` and `"ab"c` keep the
/// text), and strict only about input that ends inside quotes. Memory is bounded by the
/// longest row; rows reuse the parser's buffers, so parsing allocates nothing per row.
///
/// ```swift
/// var parser = CSVParser()
/// try parser.push(Data("Id,Name\n001,\"Acme, \"\"Inc\"\"\"\n".utf8)) { row in print(row.strings) }
/// try parser.finish { row in print(row.strings) }
/// // ["Id", "Name"]
/// // ["001", "Acme, \"Inc\""]
/// ```
public struct CSVParser {
    private enum Position {
        /// Before the first byte of a field.
        case fieldStart
        /// Inside a field that did not start with a quote.
        case unquoted
        /// Inside quotes.
        case quoted
        /// Just after a quote inside a quoted field: a doubled quote or the closing one.
        case quoteInQuoted
        /// Just after a CR that ended a row: a following LF belongs to it.
        case afterCR
    }

    /// The field separator (`,` by default; Bulk API 2.0 also offers tab, `;`, `|`, `^`, `` ` ``).
    public let delimiter: UInt8
    /// Rows longer than this are an error rather than an unbounded buffer.
    public let maxRowBytes: Int

    private var position = Position.fieldStart
    private var content: [UInt8] = []
    private var ends: [Int] = []
    private var quoted: [Bool] = []
    private var currentQuoted = false
    private var rowNumber = 0

    /// A parser for `delimiter`-separated fields.
    public init(delimiter: UInt8 = UInt8(ascii: ","), maxRowBytes: Int = 256 << 20) {
        self.delimiter = delimiter
        self.maxRowBytes = maxRowBytes
        content.reserveCapacity(4096)
        ends.reserveCapacity(64)
        quoted.reserveCapacity(64)
    }

    /// Rows handed out so far.
    public var rowsParsed: Int { rowNumber }

    /// Parses one chunk, calling `onRow` for each row it completes.
    public mutating func push(_ chunk: Data, onRow: (CSVRow) throws -> Void) throws {
        try chunk.withUnsafeBytes { try push($0, onRow: onRow) }
    }

    /// Parses one chunk of bytes, calling `onRow` for each row it completes.
    public mutating func push(_ chunk: UnsafeRawBufferPointer, onRow: (CSVRow) throws -> Void) throws {
        let bytes = chunk.bindMemory(to: UInt8.self)
        let count = bytes.count
        var index = 0
        let quote = UInt8(ascii: "\"")
        while index < count {
            switch position {
            case .afterCR:
                position = .fieldStart
                if bytes[index] == 0x0A { index += 1 }
            case .fieldStart:
                let byte = bytes[index]
                if byte == quote {
                    currentQuoted = true
                    position = .quoted
                    index += 1
                } else if try !endsField(byte, onRow: onRow) {
                    position = .unquoted
                } else {
                    index += 1
                }
            case .unquoted:
                var end = index
                while end < count {
                    let byte = bytes[end]
                    if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
                    end += 1
                }
                try append(bytes, index..<end)
                index = end
                if end < count {
                    _ = try endsField(bytes[end], onRow: onRow)
                    index += 1
                }
            case .quoted:
                let remaining = count - index
                let start = bytes.baseAddress! + index
                if let found = memchr(start, Int32(quote), remaining) {
                    let end = index + (UnsafeRawPointer(found) - UnsafeRawPointer(start))
                    try append(bytes, index..<end)
                    index = end + 1
                    position = .quoteInQuoted
                } else {
                    try append(bytes, index..<count)
                    index = count
                }
            case .quoteInQuoted:
                let byte = bytes[index]
                if byte == quote {
                    content.append(quote)
                    position = .quoted
                    index += 1
                } else if try endsField(byte, onRow: onRow) {
                    index += 1
                } else {
                    position = .unquoted  // text after a closing quote is kept, as Python's csv does
                }
            }
        }
    }

    /// Ends the input: completes a last row that had no line break, and fails if the input
    /// stopped inside quotes.
    public mutating func finish(onRow: (CSVRow) throws -> Void) throws {
        switch position {
        case .quoted: throw CSVError.unterminatedQuote(row: rowNumber + 1)
        case .unquoted, .quoteInQuoted: try endRow(onRow: onRow)
        case .fieldStart where !ends.isEmpty: try endRow(onRow: onRow)
        case .fieldStart, .afterCR: break
        }
        position = .fieldStart
    }

    /// Handles a byte that may end a field or a row; `false` when it is field content.
    private mutating func endsField(_ byte: UInt8, onRow: (CSVRow) throws -> Void) throws -> Bool {
        if byte == delimiter {
            endField()
            position = .fieldStart
        } else if byte == 0x0A {
            try endRow(onRow: onRow)
            position = .fieldStart
        } else if byte == 0x0D {
            try endRow(onRow: onRow)
            position = .afterCR
        } else {
            return false
        }
        return true
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws {
        guard !range.isEmpty else { return }
        content.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        if content.count > maxRowBytes { throw CSVError.rowTooLong(row: rowNumber + 1, limit: maxRowBytes) }
    }

    private mutating func endField() {
        ends.append(content.count)
        quoted.append(currentQuoted)
        currentQuoted = false
    }

    private mutating func endRow(onRow: (CSVRow) throws -> Void) throws {
        let blankLine = ends.isEmpty && content.isEmpty && !currentQuoted
        if !blankLine {
            endField()
            rowNumber += 1
            let number = rowNumber
            try content.withUnsafeBufferPointer { content in
                try ends.withUnsafeBufferPointer { ends in
                    try quoted.withUnsafeBufferPointer { quoted in
                        try onRow(CSVRow(content: content, ends: ends, quoted: quoted, number: number))
                    }
                }
            }
        }
        content.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        quoted.removeAll(keepingCapacity: true)
        currentQuoted = false
    }
}
