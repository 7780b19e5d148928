#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names an object schema knows (`properties`, then `required` names without a schema),
/// arranged for the per-record walk: records usually list members in schema order, so a cursor
/// finds most names with one comparison, and a hash table catches the rest.
///
/// Names can be looked up as `String`s (a `JSONValue` record) or as raw UTF-8 from the input
/// (a `JSONElement`), with the same answers: see ``lookup(utf8:cursor:)``.
struct PropertyTable: Sendable {
    struct Entry: Sendable {
        let name: String
        /// `nil` for a name that is only `required`.
        let schema: JSONSchema?
        /// The bit standing for this name in a record's "required names seen" mask, or -1.
        let requiredBit: Int
    }

    /// What a lookup by bytes found; `needsString` when only a `String` comparison can tell.
    enum ByteLookup {
        case found(Int)
        case absent
        case needsString
    }

    let entries: [Entry]
    private let indexByName: [String: Int]
    let requiredCount: Int
    /// Every name's UTF-8 back to back, `nameOffsets[i]..<nameOffsets[i + 1]` for entry `i`.
    private let nameBytes: [UInt8]
    private let nameOffsets: [Int]
    /// Open addressing over `nameBytes`: entry indices, -1 for an empty slot; a power of two long.
    private let slots: [Int32]
    /// Whether every name is plain ASCII, so that equal bytes and equal `String`s agree.
    private let namesAreASCII: Bool

    /// Required names fit a 64-bit mask; beyond that the walk looks each one up instead.
    var tracksRequiredWithMask: Bool { requiredCount <= 64 }

    init(properties: [JSONSchema.Property], required: [String]) {
        var requiredBits: [String: Int] = [:]
        for name in required where requiredBits[name] == nil { requiredBits[name] = requiredBits.count }
        var entries = properties.map { property in
            Entry(name: property.name, schema: property.schema, requiredBit: requiredBits[property.name] ?? -1)
        }
        let named = Set(properties.map(\.name))
        for name in required where !named.contains(name) && !entries.contains(where: { $0.name == name }) {
            entries.append(Entry(name: name, schema: nil, requiredBit: requiredBits[name] ?? -1))
        }
        self.entries = entries
        requiredCount = requiredBits.count
        indexByName = Dictionary(entries.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { _, last in last })

        var nameBytes: [UInt8] = [], nameOffsets = [0]
        for entry in entries {
            nameBytes.append(contentsOf: entry.name.utf8)
            nameOffsets.append(nameBytes.count)
        }
        self.nameBytes = nameBytes
        self.nameOffsets = nameOffsets
        namesAreASCII = nameBytes.allSatisfy { $0 < 0x80 }
        var slotCount = 4
        while slotCount < entries.count * 2 { slotCount *= 2 }
        var slots = [Int32](repeating: -1, count: slotCount)
        nameBytes.withUnsafeBytes { all in
            for entry in entries.indices {
                let name = UnsafeRawBufferPointer(rebasing: all[nameOffsets[entry]..<nameOffsets[entry + 1]])
                var slot = Int(truncatingIfNeeded: Self.hash(name)) & (slotCount - 1)
                // A repeated name takes over its slot: the last one wins, as in `indexByName`.
                while slots[slot] >= 0, !Self.same(all, nameOffsets, Int(slots[slot]), name) {
                    slot = (slot + 1) & (slotCount - 1)
                }
                slots[slot] = Int32(entry)
            }
        }
        self.slots = slots
    }

    /// The index in `entries` of `name`, trying `cursor` first and leaving it just past the
    /// entry found. An index rather than the entry, so the hot path copies no strings.
    func lookup(_ name: String, cursor: inout Int) -> Int? {
        if cursor < entries.count, entries[cursor].name == name {
            cursor += 1
            return cursor - 1
        }
        guard let index = indexByName[name] else { return nil }
        cursor = index + 1
        return index
    }

    /// ``lookup(_:cursor:)`` for a name given as raw UTF-8, by `memcmp` and a byte hash. Swift
    /// compares `String`s by canonical equivalence (`"K"` equals the Kelvin sign), so when the
    /// bytes differ but either side is not plain ASCII the answer is `needsString`, and the
    /// caller asks the `String` lookup, which then gives the same answer for both walks.
    func lookup(utf8 name: UnsafeRawBufferPointer, cursor: inout Int) -> ByteLookup {
        nameBytes.withUnsafeBytes { all in
            if cursor < entries.count, Self.same(all, nameOffsets, cursor, name) {
                cursor += 1
                return .found(cursor - 1)
            }
            guard namesAreASCII, Self.isASCII(name) else { return .needsString }
            var slot = Int(truncatingIfNeeded: Self.hash(name)) & (slots.count - 1)
            while slots[slot] >= 0 {
                let entry = Int(slots[slot])
                if Self.same(all, nameOffsets, entry, name) {
                    cursor = entry + 1
                    return .found(entry)
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            return .absent
        }
    }

    /// Whether entry `entry`'s name is exactly `name`'s bytes.
    @inline(__always)
    private static func same(_ all: UnsafeRawBufferPointer, _ offsets: [Int], _ entry: Int, _ name: UnsafeRawBufferPointer) -> Bool {
        let start = offsets[entry], count = offsets[entry + 1] - start
        guard count == name.count else { return false }
        guard count > 0 else { return true }
        return memcmp(all.baseAddress! + start, name.baseAddress!, count) == 0
    }

    /// FNV-1a: names are short, and only names off the cursor's path are hashed.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 32)
    }

    /// Whether every byte is below 0x80, eight at a time.
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset + 8 <= bytes.count {
            if bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            offset += 8
        }
        while offset < bytes.count {
            if bytes[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
    }
}
