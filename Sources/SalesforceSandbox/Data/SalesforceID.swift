/// Salesforce record IDs: a 3-character key prefix, a pod code, a base-62 record number and
/// the 3-character case-safe suffix, 18 characters in all (`0015g00000AbCdEAAV`).
enum SalesforceID {
    static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
    private static let suffixAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".utf8)

    /// The 18-character ID for record `number` (≥ 0) under `prefix`. Numbers map to IDs in
    /// the same order, so row order is Id order.
    static func make(prefix: String, number: Int) -> String {
        var bytes = Array(prefix.utf8.prefix(3))
        while bytes.count < 3 { bytes.append(UInt8(ascii: "0")) }
        bytes += Array("Hs0".utf8)
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 9)
        var remaining = max(0, number)
        for position in stride(from: 8, through: 0, by: -1) {
            digits[position] = base62[remaining % 62]
            remaining /= 62
        }
        bytes += digits
        return String(decoding: bytes + suffix(of: bytes), as: UTF8.self)
    }

    /// The case-safe suffix: per 5-character chunk, a bit for each upper-case letter.
    static func suffix(of fifteen: [UInt8]) -> [UInt8] {
        (0..<3).map { chunk in
            var flags = 0
            for offset in 0..<5 {
                let byte = fifteen[chunk * 5 + offset]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { flags |= 1 << offset }
            }
            return suffixAlphabet[flags]
        }
    }

    /// Random-looking opaque identifiers (query locators, tokens) from a number stream.
    static func opaque(prefix: String, length: Int, using random: inout some RandomNumberGenerator) -> String {
        var bytes = Array(prefix.utf8)
        while bytes.count < length { bytes.append(base62[Int(random.next() % 62)]) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
