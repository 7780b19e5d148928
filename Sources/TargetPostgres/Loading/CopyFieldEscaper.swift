/// Writes field bytes in COPY text format, applying the NUL policy on the way.
///
/// Backslash, tab, newline and carriage return are backslash-escaped (so `\N` in the data
/// becomes `\\N` and can never be read as NULL); runs of plain bytes are copied in bulk.
struct CopyFieldEscaper: Sendable {
    /// `nil` under ``NULPolicy/fail``; empty to strip; else the replacement, already escaped.
    let nulReplacement: [UInt8]?

    init(nulPolicy: NULPolicy) {
        nulReplacement = nulPolicy.replacementBytes { _ = Self.appendEscaped($0, nulReplacement: [], to: &$1) }
    }

    /// Appends `bytes` escaped; false if they hold a NUL under ``NULPolicy/fail`` (the buffer then
    /// holds part of the field, and the caller drops the row).
    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) -> Bool {
        Self.appendEscaped(bytes, nulReplacement: nulReplacement, to: &buffer)
    }

    private static func appendEscaped(
        _ bytes: UnsafeBufferPointer<UInt8>, nulReplacement: [UInt8]?, to buffer: inout [UInt8]
    ) -> Bool {
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            // Most bytes are printable and not a backslash: one comparison pair decides.
            if byte > UInt8(ascii: "\r"), byte != UInt8(ascii: "\\") { continue }
            let escape: UInt8
            switch byte {
            case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
            case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
            case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
            case 0:
                guard let nulReplacement else { return false }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                buffer.append(contentsOf: nulReplacement)
                runStart = index + 1
                continue
            default: continue
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            buffer.append(UInt8(ascii: "\\"))
            buffer.append(escape)
            runStart = index + 1
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        return true
    }
}
