/// Salesforce record IDs: a 3-character key prefix, a pod code, a base-62 record number and
/// the 3-character case-safe suffix, 18 characters in all (`0015g00000AbCdEAAV`).
enum SalesforceID {
    static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
    private static let suffixAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".utf8)

    /// The 18-character ID for record `number` (≥ 0) under `prefix`. Numbers map to IDs in
    /// the same order, so row order is Id order.
    static func make(prefix: String, number: Int) -> String {
        String(unsafeUninitializedCapacity: 18) { buffer in
            var prefixBytes = prefix.utf8.makeIterator()
            for position in 0..<3 { buffer[position] = prefixBytes.next() ?? UInt8(ascii: "0") }
            buffer[3] = UInt8(ascii: "H")
            buffer[4] = UInt8(ascii: "s")
            buffer[5] = UInt8(ascii: "0")
            var remaining = max(0, number)
            for position in stride(from: 14, through: 6, by: -1) {
                buffer[position] = base62[remaining % 62]
                remaining /= 62
            }
            for chunk in 0..<3 {
                var flags = 0
                for offset in 0..<5 {
                    let byte = buffer[chunk * 5 + offset]
                    if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { flags |= 1 << offset }
                }
                buffer[15 + chunk] = suffixAlphabet[flags]
            }
            return 18
        }
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
