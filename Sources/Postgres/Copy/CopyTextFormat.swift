/// Encodes fields for `COPY … FROM STDIN` in PostgreSQL's default text format.
///
/// Fields are separated by a tab and rows end with a newline; inside a field, backslash, tab,
/// newline and carriage return are backslash-escaped; `\N` stands for NULL, so an empty string
/// (no bytes) stays distinct from NULL.
public enum CopyTextFormat {
    /// The bytes that stand for SQL NULL: `\N`.
    public static let null: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "N")]
    /// Field separator.
    public static let delimiter = UInt8(ascii: "\t")
    /// Row terminator.
    public static let rowEnd = UInt8(ascii: "\n")

    /// Appends one field, escaped (or `\N` for nil), to `buffer`.
    public static func appendField(_ field: String?, to buffer: inout [UInt8]) {
        guard var field else {
            buffer.append(contentsOf: null)
            return
        }
        // withUTF8 gives the string's own bytes (copying only if it is a bridged string).
        field.withUTF8 { appendEscaped($0, to: &buffer) }
    }

    /// Appends `bytes` with the text-format escapes applied, copying unescaped runs in bulk.
    public static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count {
            let escaped: UInt8
            switch bytes[index] {
            case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
            case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
            case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
            default: continue
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            buffer.append(UInt8(ascii: "\\"))
            buffer.append(escaped)
            runStart = index + 1
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    /// Appends a whole row: fields separated by tabs, ended by a newline.
    public static func appendRow(_ fields: [String?], to buffer: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(delimiter) }
            appendField(field, to: &buffer)
        }
        buffer.append(rowEnd)
    }
}
