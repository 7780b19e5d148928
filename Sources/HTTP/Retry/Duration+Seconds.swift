extension Duration {
    /// The duration in (fractional) seconds, for arithmetic and logs.
    var secondsValue: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// Whole milliseconds, rounded up so a tiny positive timeout never
    /// becomes libcurl's "0 = no timeout".
    var wholeMilliseconds: Int {
        let parts = components
        let millis = parts.seconds * 1000 + (parts.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(clamping: millis)
    }

    /// A duration from fractional seconds; negative values become zero.
    static func secondsValue(_ seconds: Double) -> Duration {
        guard seconds.isFinite, seconds > 0 else { return .zero }
        return .nanoseconds(Int64(min(seconds, 1e9) * 1e9))
    }
}
