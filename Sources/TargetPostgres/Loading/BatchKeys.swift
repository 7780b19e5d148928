/// The keys of the rows sent in an open batch, read from their encoded COPY fields, to tell
/// whether a key repeats (then the batch must be deduplicated through a staging table).
///
/// Equal keys always hash equal; a collision only costs the slower, always-correct path.
struct BatchKeys {
    /// Positions of the key columns among a row's fields.
    let keyFields: [Int]
    private var seen = Set<Int>()
    private(set) var hasRepeats = false

    init(keyFields: [Int]) { self.keyFields = keyFields }

    /// Records the key of an encoded row (fields separated by tabs); false when it was seen before.
    mutating func insert(row: [UInt8]) -> Bool {
        var hasher = Hasher()
        row.withUnsafeBufferPointer { bytes in
            var field = 0, fieldStart = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x09 {
                if keyFields.contains(field) {
                    hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[fieldStart..<index])))
                    hasher.combine(0xFF as UInt8)  // separates fields that are not valid UTF-8 on their own
                }
                field += 1
                fieldStart = index + 1
                if field > keyFields.last ?? 0 { break }
            }
        }
        let isNew = seen.insert(hasher.finalize()).inserted
        if !isNew { hasRepeats = true }
        return isNew
    }

    mutating func reset() {
        seen.removeAll(keepingCapacity: true)
        hasRepeats = false
    }
}
