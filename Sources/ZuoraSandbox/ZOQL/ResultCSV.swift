/// Writes query results as CSV the way Zuora's files look: a header line, `\n` line ends,
/// values quoted only when they contain a comma, quote or line break (quotes doubled),
/// nulls as empty fields.
struct ResultCSV {
    /// How datetimes are written.
    enum DateTimeStyle: Sendable {
        /// AQuA with `dateTimeUtc: true`: `2024-01-02T03:04:05+0000`.
        case utc
        /// AQuA default: tenant (US/Pacific) time, `2024-01-01T19:04:05-0800`.
        case pacific
        /// REST export: `2024-01-01T19:04:05.000-08:00`.
        case export
    }

    var bytes: [UInt8] = []
    let style: DateTimeStyle

    init(style: DateTimeStyle, capacity: Int = 64 * 1024) {
        self.style = style
        bytes.reserveCapacity(capacity)
    }

    mutating func row(_ fields: [String?]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if let field { append(field) }
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    mutating func append(_ text: String) {
        let utf8 = text.utf8
        let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }

    func format(_ value: ZuoraValue) -> String? {
        guard case .dateTime(let seconds) = value else { return value.text }
        switch style {
        case .utc: return CivilTime.wall(seconds, offset: 0) + "+0000"
        case .pacific:
            let offset = CivilTime.pacificOffset(atUTC: seconds)
            return CivilTime.wall(seconds, offset: offset) + CivilTime.offsetText(offset, colon: false)
        case .export:
            let offset = CivilTime.pacificOffset(atUTC: seconds)
            return CivilTime.wall(seconds, offset: offset) + ".000" + CivilTime.offsetText(offset, colon: true)
        }
    }
}
