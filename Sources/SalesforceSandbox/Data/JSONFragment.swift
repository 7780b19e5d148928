import Singer

/// Renders one field value as the JSON text Salesforce's REST API sends for it: datetimes as
/// `"2013-05-20T20:49:32.000+0000"`, currency and doubles Java-style (`15000.0`, `1.5E7`),
/// compound addresses as objects, base64 fields as the blob's URL.
enum JSONFragment {
    static func render(_ value: FieldValue, type: FieldType, into bytes: inout [UInt8]) {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .int(let number):
            if type == .int || type == .anyType { appendInteger(number, into: &bytes) } else {
                appendDecimal(units: number, scale: 0, javaStyle: true, into: &bytes)
            }
        case .decimal(let units, let scale):
            appendDecimal(units: units, scale: scale, javaStyle: type != .anyType, into: &bytes)
        case .text(let text): appendString(text, into: &bytes)
        case .date(let days):
            bytes.append(UInt8(ascii: "\""))
            appendDate(days: days, into: &bytes)
            bytes.append(UInt8(ascii: "\""))
        case .dateTime(let milliseconds):
            bytes.append(UInt8(ascii: "\""))
            appendDateTime(milliseconds, zone: plusZero, into: &bytes)
            bytes.append(UInt8(ascii: "\""))
        case .time(let milliseconds): appendString(formatTime(milliseconds), into: &bytes)
        case .address(let address):
            let members: [(String, FieldValue)] = [
                ("city", address.city.map(FieldValue.text) ?? .null),
                ("country", address.country.map(FieldValue.text) ?? .null),
                ("countryCode", .null),
                ("geocodeAccuracy", address.geocodeAccuracy.map(FieldValue.text) ?? .null),
                ("latitude", address.latitude), ("longitude", address.longitude),
                ("postalCode", address.postalCode.map(FieldValue.text) ?? .null),
                ("state", address.state.map(FieldValue.text) ?? .null),
                ("stateCode", .null),
                ("street", address.street.map(FieldValue.text) ?? .null),
            ]
            bytes.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                appendString(member.0, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                render(member.1, type: .double, into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case .location(let latitude, let longitude):
            bytes += Array("{\"latitude\":\(latitude),\"longitude\":\(longitude)}".utf8)
        }
    }

    /// Appends `text` as a JSON string (the escapes `JSONWriter` uses), without a scratch buffer.
    static func appendString(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    static func appendInteger(_ value: Int64, into bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(of: value.magnitude, into: &bytes)
    }

    private static func appendDigits(of value: UInt64, into bytes: inout [UInt8]) {
        var divisor: UInt64 = 1
        while divisor <= value / 10 { divisor *= 10 }
        var remaining = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(remaining / divisor))
            remaining %= divisor
            divisor /= 10
        }
    }

    /// A decimal without building strings: plain (`15000.0`, trailing zeros trimmed, one kept)
    /// or, when `javaStyle` and the value is 10⁷ or more, `d.dddE±n` like Java's `Double.toString`.
    static func appendDecimal(units: Int64, scale: Int, javaStyle: Bool, into bytes: inout [UInt8]) {
        var pow10: UInt64 = 1
        for _ in 0..<scale { pow10 *= 10 }
        let magnitude = units.magnitude
        let integer = magnitude / pow10
        if javaStyle && integer >= 10_000_000 {
            bytes.append(contentsOf: javaDouble(units: units, scale: scale).utf8)
            return
        }
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(of: integer, into: &bytes)
        bytes.append(UInt8(ascii: "."))
        var fraction = magnitude % pow10
        var digits = scale
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        if digits == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var divisor: UInt64 = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    static let plusZero = Array("+0000".utf8)
    static let zulu = Array("Z".utf8)

    /// Appends `YYYY-MM-DD` without building a string (rows are rendered by the million).
    static func appendDate(days: Int, into bytes: inout [UInt8]) {
        let date = RFC3339.CalendarDate(daysSince1970: days)
        appendDigits(date.year, 4, &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.month, 2, &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.day, 2, &bytes)
    }

    /// Appends `YYYY-MM-DDTHH:MM:SS.mmm` and `zone` (`+0000` for REST, `Z` for Bulk CSV).
    static func appendDateTime(_ milliseconds: Int64, zone: [UInt8], into bytes: inout [UInt8]) {
        let seconds = Int(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        let millis = Int(milliseconds - Int64(seconds) * 1000)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        appendDate(days: days, into: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, 2, &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, 2, &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(millis, 3, &bytes)
        bytes += zone
    }

    private static func appendDigits(_ value: Int, _ width: Int, _ bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var remaining = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(remaining / divisor % 10))
            remaining %= divisor
            divisor /= 10
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmm` + `zone` as a string, for job timestamps.
    static func formatDateTime(_ milliseconds: Int64, zone: String) -> String {
        let seconds = Int(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        let millis = Int(milliseconds - Int64(seconds) * 1000)
        let moment = RFC3339.DateTime(secondsSince1970: seconds)
        let date = moment.date
        let time = moment.time
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))T\(pad(time.hour, 2)):\(pad(time.minute, 2)):\(pad(time.second, 2)).\(pad(millis, 3))\(zone)"
    }

    static func formatDate(days: Int) -> String {
        let date = RFC3339.CalendarDate(daysSince1970: days)
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
    }

    static func formatTime(_ milliseconds: Int) -> String {
        let seconds = milliseconds / 1000
        return "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)).\(pad(milliseconds % 1000, 3))Z"
    }

    /// Exact decimal text with trailing fraction zeros trimmed but one kept: `15000.0`, `0.25`.
    static func plainDecimal(units: Int64, scale: Int) -> String {
        let negative = units < 0
        var digits = String(units.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        var integerPart = String(digits.dropLast(scale))
        var fraction = String(digits.suffix(scale))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if fraction.isEmpty { fraction = "0" }
        if integerPart.isEmpty { integerPart = "0" }
        return (negative ? "-" : "") + integerPart + "." + fraction
    }

    /// Java's `Double.toString` layout from exact digits: plain between 10⁻³ and 10⁷,
    /// otherwise `d.dddE±n` — what Salesforce's JSON shows for large amounts.
    static func javaDouble(units: Int64, scale: Int) -> String {
        let magnitude = units.magnitude
        var threshold: UInt64 = 10_000_000
        for _ in 0..<scale { threshold = threshold.multipliedReportingOverflow(by: 10).overflow ? UInt64.max : threshold * 10 }
        guard magnitude >= threshold else { return plainDecimal(units: units, scale: scale) }
        var digits = String(magnitude)
        let exponent = digits.count - 1 - scale
        while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
        let first = digits.removeFirst()
        return (units < 0 ? "-" : "") + String(first) + "." + (digits.isEmpty ? "0" : digits) + "E\(exponent)"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
