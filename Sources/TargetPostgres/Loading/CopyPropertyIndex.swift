#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the property a record member feeds, from the member name's bytes, so a record is
/// walked once (each member looked up in O(1)) instead of once per column.
///
/// Properties are the distinct names the columns read; two columns may read the same one.
struct CopyPropertyIndex: Sendable {
    /// Distinct property names, as UTF-8, in first-use order.
    let names: [[UInt8]]
    /// The same names as `String`s, for lookups in a `JSONObject`.
    let propertyNames: [String]
    /// For each column, the index of its property in `names`.
    let propertyOfColumn: [Int]
    /// Open addressing: `-1` for empty, else an index into `names`.
    private let slots: [Int32]
    private let slotMask: Int

    init(columns: [CopyColumn]) {
        var names: [[UInt8]] = []
        var propertyNames: [String] = []
        var positions: [String: Int] = [:]
        propertyOfColumn = columns.map { column in
            if let known = positions[column.propertyName] { return known }
            positions[column.propertyName] = names.count
            names.append(Array(column.propertyName.utf8))
            propertyNames.append(column.propertyName)
            return names.count - 1
        }
        self.names = names
        self.propertyNames = propertyNames
        // At most half full, so probe runs stay short.
        var slotCount = 8
        while slotCount < names.count * 2 { slotCount *= 2 }
        var slots = [Int32](repeating: -1, count: slotCount)
        for (position, name) in names.enumerated() {
            var slot = name.withUnsafeBytes { Self.hash($0) } & (slotCount - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = Int32(position)
        }
        self.slots = slots
        slotMask = slotCount - 1
    }

    /// The property named by these bytes (unescaped UTF-8), or `nil` when no column reads it.
    @inline(__always)
    func property(named raw: UnsafeRawBufferPointer) -> Int? {
        var slot = Self.hash(raw) & slotMask
        while true {
            let candidate = Int(slots[slot])
            guard candidate >= 0 else { return nil }
            let matches = names[candidate].withUnsafeBytes { name in
                name.count == raw.count && (raw.isEmpty || memcmp(name.baseAddress!, raw.baseAddress!, raw.count) == 0)
            }
            if matches { return candidate }
            slot = (slot + 1) & slotMask
        }
    }

    /// FNV-1a: names are short, and this runs once per member of every record.
    @inline(__always)
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
