/// A short, stable fingerprint of a name: FNV-1a (32-bit) over its UTF-8 bytes, as 8 lower-case
/// hex digits.
///
/// Identifiers derived from it end up in warehouse tables and in users' SQL, so it must never
/// change between releases or platforms: that is why it is FNV-1a written out here rather than
/// Swift's `Hasher`, which is seeded per process.
///
/// ```swift
/// NameFingerprint.hex("AnnualRevenue")   // "9a3f…" — the same on every run and machine
/// ```
enum NameFingerprint {
    private static let offsetBasis: UInt32 = 0x811c_9dc5
    private static let prime: UInt32 = 0x0100_0193

    /// The FNV-1a hash of `text`'s UTF-8 bytes.
    static func value(_ text: String) -> UInt32 {
        var hash = offsetBasis
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// ``value(_:)`` as exactly 8 lower-case hex digits.
    static func hex(_ text: String) -> String {
        let digits = String(value(text), radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
