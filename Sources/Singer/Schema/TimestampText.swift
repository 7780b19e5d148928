/// Rewrites vendors' datetime and date texts (Salesforce, Zuora…) into the forms records carry, from bytes and
/// without building a `String` for the usual shapes.
///
/// ```
/// 2013-05-20T20:49:32.000+0000   (REST)  → 2013-05-20T20:49:32.000000Z
/// 2013-05-20T20:49:32.000Z       (Bulk)  → 2013-05-20T20:49:32.000000Z
/// 2013-05-20                     (date)  → 2013-05-20T00:00:00.000000Z  as a date-time
/// ```
/// Other offsets and precisions go through the RFC 3339 parser and are converted to UTC.
public enum TimestampText {
    /// Length of the normalised form, `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    public static let normalizedLength = 27
    private static let midnightSuffix = Array("T00:00:00.000000Z".utf8)

    /// Replaces `output` with the UTC `…ffffffZ` form of `raw`; `false` when `raw` is not a
    /// date-time or a date.
    public static func normalizeDateTime(_ raw: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Bool {
        output.removeAll(keepingCapacity: true)
        let bytes = raw.bindMemory(to: UInt8.self)
        let count = bytes.count
        if count >= 23, hasDateTimePrefix(bytes), bytes[19] == UInt8(ascii: "."),
            isDigit(bytes[20]) && isDigit(bytes[21]) && isDigit(bytes[22])
        {
            // Milliseconds in UTC: `+0000` (REST), `Z` (Bulk) or already six digits and `Z`.
            if count == 28 && isZeroOffset(bytes, at: 23) || count == 24 && isZ(bytes[23]) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<23]))
                output.append(contentsOf: [0x30, 0x30, 0x30, UInt8(ascii: "Z")])
                return true
            }
            if count == 27 && isZ(bytes[26]) && isDigit(bytes[23]) && isDigit(bytes[24]) && isDigit(bytes[25]) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<26]))
                output.append(UInt8(ascii: "Z"))
                return true
            }
        }
        if count == 10, RFC3339.parseDate(bytes) != nil {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<10]))
            output.append(contentsOf: midnightSuffix)
            return true
        }
        guard let dateTime = RFC3339.parseDateTime(bytes) else { return false }
        // To UTC, truncated to the microsecond as singer-python writes it.
        let utc = RFC3339.DateTime(secondsSince1970: dateTime.secondsSince1970, nanosecond: dateTime.time.nanosecond / 1000 * 1000)
        output.append(contentsOf: utc.singerTimestamp.utf8)
        return true
    }

    /// Replaces `output` with the `YYYY-MM-DD` of `raw` (a date, or the date part of a
    /// date-time as written); `false` when `raw` starts with no valid date.
    public static func normalizeDate(_ raw: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Bool {
        output.removeAll(keepingCapacity: true)
        let bytes = raw.bindMemory(to: UInt8.self)
        guard bytes.count >= 10, RFC3339.parseDate(UnsafeBufferPointer(rebasing: bytes[0..<10])) != nil else { return false }
        if bytes.count > 10, RFC3339.parseDateTime(bytes) == nil { return false }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<10]))
        return true
    }

    /// `YYYY-MM-DDTHH:MM:SS` with digits where digits belong.
    @inline(__always)
    private static func hasDateTimePrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        isDigit(bytes[0]) && isDigit(bytes[1]) && isDigit(bytes[2]) && isDigit(bytes[3])
            && isDigit(bytes[5]) && isDigit(bytes[6]) && isDigit(bytes[8]) && isDigit(bytes[9])
            && isDigit(bytes[11]) && isDigit(bytes[12]) && isDigit(bytes[14]) && isDigit(bytes[15])
            && isDigit(bytes[17]) && isDigit(bytes[18])
            && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && (bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"))
            && bytes[13] == UInt8(ascii: ":") && bytes[16] == UInt8(ascii: ":")
    }

    @inline(__always)
    private static func isZeroOffset(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) && bytes[index + 1] == 0x30
            && bytes[index + 2] == 0x30 && bytes[index + 3] == 0x30 && bytes[index + 4] == 0x30
    }

    @inline(__always)
    private static func isZ(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "Z") || byte == UInt8(ascii: "z") }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
}
