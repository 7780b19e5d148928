/// A deterministic random number generator (xoshiro256**, seeded through SplitMix64), so a
/// sandbox built from the same seed serves the same data on every machine and run.
///
/// ```swift
/// var random = SeededRandom(seed: 42)
/// let amount = Int.random(in: 1_000...90_000, using: &random)
/// let child = random.derived("Opportunity")   // an independent stream per purpose
/// ```
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose whole sequence follows from `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var mixed = splitMix
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
        state = (next(), next(), next(), next())
    }

    /// A generator for `seed` and a purpose, e.g. one stream per object and per change round,
    /// so adding draws for one purpose never shifts another's.
    public init(seed: UInt64, purpose: String) {
        self.init(seed: seed ^ Self.stableHash(purpose))
    }

    /// An independent generator derived from this one's seed material and `purpose`.
    public func derived(_ purpose: String) -> SeededRandom {
        SeededRandom(seed: state.0 ^ Self.stableHash(purpose))
    }

    public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotate(state.3, 45)
        return result
    }

    /// True with probability `probability` (0…1).
    public mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    /// A uniformly chosen element; `nil` for an empty collection.
    public mutating func pick<C: RandomAccessCollection>(_ elements: C) -> C.Element? {
        elements.randomElement(using: &self)
    }

    /// An element chosen with the given relative weights.
    public mutating func weighted<Element>(_ choices: [(Element, Int)]) -> Element {
        let total = choices.reduce(0) { $0 + max(0, $1.1) }
        var ticket = Int.random(in: 0..<max(total, 1), using: &self)
        for (element, weight) in choices {
            if ticket < weight { return element }
            ticket -= max(0, weight)
        }
        return choices[choices.count - 1].0
    }

    /// FNV-1a: a hash that, unlike `Hasher`, is the same in every process.
    public static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    private func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
