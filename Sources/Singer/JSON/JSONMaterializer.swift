/// Turns tape tokens into `JSONValue`s, decoding escapes into a reusable scratch buffer and
/// reusing the `String` of member names it has seen before, so a stream of records with the
/// same fields does not allocate a new key per field.
struct JSONMaterializer {
    private var scratch: [UInt8] = []
    private var keyCache = [String?](repeating: nil, count: 512)

    mutating func value(at index: Int, of tape: JSONTape, in bytes: UnsafeRawBufferPointer) -> JSONValue {
        let token = tape.tokens[index]
        switch token.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number: return .number(JSONNumber(uncheckedText: rawString(token, bytes)))
        case .string: return .string(string(token, bytes))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(token.length))
            var child = index + 1
            while child < Int(token.end) {
                elements.append(value(at: child, of: tape, in: bytes))
                child = Int(tape.tokens[child].end)
            }
            return .array(elements)
        case .object:
            var members: [JSONObject.Member] = []
            members.reserveCapacity(Int(token.length))
            var child = index + 1
            while child < Int(token.end) {
                let key = self.key(tape.tokens[child], bytes)
                let valueIndex = child + 1
                members.append(JSONObject.Member(key: key, value: value(at: valueIndex, of: tape, in: bytes)))
                child = Int(tape.tokens[valueIndex].end)
            }
            return .object(JSONObject(members))
        }
    }

    /// The token's bytes as they stand in the input (numbers, unescaped strings).
    func rawString(_ token: JSONTape.Token, _ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.start + token.length)]), as: UTF8.self)
    }

    mutating func string(_ token: JSONTape.Token, _ bytes: UnsafeRawBufferPointer) -> String {
        guard token.flag else { return rawString(token, bytes) }
        scratch.removeAll(keepingCapacity: true)
        JSONEscapes.unescape(UnsafeRawBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.start + token.length)]), into: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// A member name, from the cache when the same bytes were seen before.
    mutating func key(_ token: JSONTape.Token, _ bytes: UnsafeRawBufferPointer) -> String {
        // Short names live inline in `String` and cost nothing; escaped names are rare.
        guard token.length > 15, !token.flag else { return string(token, bytes) }
        let raw = UnsafeRawBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.start + token.length)])
        // Length and the first and last eight bytes tell field names apart well enough for a cache slot.
        let head = raw.loadUnaligned(as: UInt64.self), tail = raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)
        let mixed = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(raw.count)
        let slot = Int((mixed ^ (mixed >> 29)) % UInt64(keyCache.count))
        if let cached = keyCache[slot], JSONElement.equals(cached, raw) { return cached }
        let key = rawString(token, bytes)
        keyCache[slot] = key
        return key
    }
}
