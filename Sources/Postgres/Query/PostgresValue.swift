/// A Swift value that can be sent as a statement parameter, in PostgreSQL's text format.
///
/// Parameters travel separately from the SQL text, so they never need quoting; the server infers
/// their types from context (cast with `$1::int` where it cannot). Pass `nil` for SQL NULL.
///
/// ```swift
/// try connection.execute("INSERT INTO t (name, age, note) VALUES ($1, $2, $3)", ["Zoë", 42, nil])
/// ```
public protocol PostgresValue: Sendable {
    /// The value as PostgreSQL would read it from text input.
    var postgresText: String { get }
}

extension String: PostgresValue {
    public var postgresText: String { self }
}

extension Substring: PostgresValue {
    public var postgresText: String { String(self) }
}

extension Bool: PostgresValue {
    public var postgresText: String { self ? "t" : "f" }
}

extension Int: PostgresValue {
    public var postgresText: String { String(self) }
}

extension Int16: PostgresValue {
    public var postgresText: String { String(self) }
}

extension Int32: PostgresValue {
    public var postgresText: String { String(self) }
}

extension Int64: PostgresValue {
    public var postgresText: String { String(self) }
}

extension UInt32: PostgresValue {
    public var postgresText: String { String(self) }
}

extension UInt64: PostgresValue {
    public var postgresText: String { String(self) }
}

extension Double: PostgresValue {
    /// Swift spells infinities `inf`; PostgreSQL wants `Infinity`.
    public var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return description
    }
}

extension Float: PostgresValue {
    public var postgresText: String { Double(self).postgresText }
}

/// Bytes for a `bytea` parameter, sent in hex form (`\x0aff…`).
public struct PostgresBytes: PostgresValue, Equatable {
    /// The raw bytes.
    public var bytes: [UInt8]

    /// Wraps `bytes` for a `bytea` parameter.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var postgresText: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        text.reserveCapacity(2 + bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
