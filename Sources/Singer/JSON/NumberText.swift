/// Checks and tidies number texts from CSV exports (and the odd JSON value) without `Double`, so
/// a record keeps exactly the digits the vendor sent.
public enum NumberText {
    /// Whether `bytes` is a JSON number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    public static func isJSONNumber(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        if index < count && bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            guard isDigit(bytes[index]) else { return false }
            while index < count && isDigit(bytes[index]) { index += 1 }
        }
        if index < count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            let digitsStart = index
            while index < count && isDigit(bytes[index]) { index += 1 }
            guard index > digitsStart else { return false }
        }
        if index < count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            let digitsStart = index
            while index < count && isDigit(bytes[index]) { index += 1 }
            guard index > digitsStart else { return false }
        }
        return index == count
    }

    /// The length of the integer part when `bytes` is an integer written with an optional
    /// all-zero fraction (`12`, `-3`, `0.0`, `12.000`), else `nil`. Salesforce's Bulk CSV writes
    /// `0.0` for some integer fields; the Python tap turns it into `0`, and so do we.
    public static func integerPrefixLength(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        var index = 0
        if index < count && bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < count && isDigit(bytes[index]) { index += 1 }
        guard index > digitsStart else { return nil }
        // No leading zeros (JSON forbids them), except a lone 0.
        if bytes[digitsStart] == UInt8(ascii: "0") && index - digitsStart > 1 { return nil }
        let integerEnd = index
        if index < count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < count && bytes[index] == UInt8(ascii: "0") { index += 1 }
        }
        guard index == count else { return nil }
        return integerEnd
    }

    @inline(__always)
    public static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
}
