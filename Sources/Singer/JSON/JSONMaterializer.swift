/// Turns tape tokens into `JSONValue`s, decoding escapes into a reusable scratch buffer.
///
/// Member names, and short values such as picklist entries and currency codes, repeat on every
/// record of a stream: they come from small caches of `String`s already made, which saves
/// building (and, past 15 bytes, allocating) the same string again.
struct JSONMaterializer {
    private var scratch: [UInt8] = []
    private var keys: StringCache
    private var shortValues: StringCache
    /// Longer values are mostly unique (ids, descriptions): caching them would only cost.
    private static let shortValueLimit = 24

    /// Without caching, for one-off use where filling the caches would cost more than it saves.
    init(caching: Bool = true) {
        keys = StringCache(slotCount: caching ? 1024 : 0)
        shortValues = StringCache(slotCount: caching ? 1024 : 0)
    }

    mutating func value(at index: Int, of tokens: UnsafeBufferPointer<JSONTape.Token>, in bytes: UnsafeRawBufferPointer) -> JSONValue {
        let token = tokens[index]
        switch token.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number: return .number(JSONNumber(uncheckedText: rawString(token, bytes)))
        case .string:
            if !token.flag, token.length <= Self.shortValueLimit {
                return .string(shortValues.string(for: raw(token, bytes)))
            }
            return .string(string(token, bytes))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(token.length))
            var child = index + 1
            while child < Int(token.end) {
                elements.append(value(at: child, of: tokens, in: bytes))
                child = Int(tokens[child].end)
            }
            return .array(elements)
        case .object:
            var members: [JSONObject.Member] = []
            members.reserveCapacity(Int(token.length))
            var child = index + 1
            while child < Int(token.end) {
                let key = self.key(tokens[child], bytes)
                let valueIndex = child + 1
                members.append(JSONObject.Member(key: key, value: value(at: valueIndex, of: tokens, in: bytes)))
                child = Int(tokens[valueIndex].end)
            }
            return .object(JSONObject(members))
        }
    }

    @inline(__always)
    func raw(_ token: JSONTape.Token, _ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.start + token.length)])
    }

    /// The token's bytes as they stand in the input (numbers, unescaped strings).
    func rawString(_ token: JSONTape.Token, _ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: raw(token, bytes), as: UTF8.self)
    }

    mutating func string(_ token: JSONTape.Token, _ bytes: UnsafeRawBufferPointer) -> String {
        guard token.flag else { return rawString(token, bytes) }
        scratch.removeAll(keepingCapacity: true)
        JSONEscapes.unescape(raw(token, bytes), into: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// A member name, from the cache when the same bytes were seen before.
    mutating func key(_ token: JSONTape.Token, _ bytes: UnsafeRawBufferPointer) -> String {
        token.flag ? string(token, bytes) : keys.string(for: raw(token, bytes))
    }
}

/// A direct-mapped cache from UTF-8 bytes to the `String` last made from them.
struct StringCache {
    private var slots: [String?]

    init(slotCount: Int) { slots = Array(repeating: nil, count: slotCount) }

    mutating func string(for raw: UnsafeRawBufferPointer) -> String {
        guard !slots.isEmpty else { return String(decoding: raw, as: UTF8.self) }
        let slot = Int(Self.hash(raw) % UInt64(slots.count))
        if let cached = slots[slot], JSONElement.equals(cached, raw) { return cached }
        let string = String(decoding: raw, as: UTF8.self)
        slots[slot] = string
        return string
    }

    /// Length and the first and last eight bytes tell such strings apart well enough for a slot.
    @inline(__always)
    private static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var head: UInt64 = 0, tail: UInt64 = 0
        if raw.count >= 8 {
            head = raw.loadUnaligned(as: UInt64.self)
            tail = raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)
        } else {
            for byte in raw { head = head << 8 | UInt64(byte) }
        }
        let mixed = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(raw.count)
        return mixed ^ (mixed >> 29)
    }
}
