/// Zuora-style 32-hex-digit ids, deterministic: a fixed tenant prefix, a per-kind code and a
/// serial number, so ids are unique per object and stable for a seed.
enum ZuoraID {
    static let hexDigits = Array("0123456789abcdef".utf8)

    /// `2c92a0` + two hex digits of `kind` + the serial as 24 hex digits.
    static func make(kind: Int, number: Int) -> String {
        var bytes = Array("2c92a0".utf8)
        bytes.append(hexDigits[(kind >> 4) & 0xF])
        bytes.append(hexDigits[kind & 0xF])
        // Mix the serial so ids do not look sequential, reversibly (odd multiplier).
        let mixed = UInt64(number) &* 0x9E37_79B9_7F4A_7C15
        var digits: [UInt8] = []
        var value = mixed
        for _ in 0..<16 {
            digits.append(hexDigits[Int(value & 0xF)])
            value >>= 4
        }
        bytes += Array(repeating: UInt8(ascii: "0"), count: 8) + digits.reversed()
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Decimal amounts held as integer nano-units, formatted without floating point.
enum Amount {
    static let scale: Int64 = 1_000_000_000

    /// `cents` → nano-units.
    static func cents(_ cents: Int64) -> Int64 { cents * 10_000_000 }

    /// `-83.333333333`, trailing zeros trimmed but at least two decimals.
    static func text(_ nanos: Int64) -> String {
        let negative = nanos < 0
        let magnitude = nanos.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = String(magnitude % UInt64(scale))
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.count > 2 && fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + String(whole) + "." + fraction
    }

    static func value(_ nanos: Int64) -> ZuoraValue { .decimal(text(nanos)) }
}
