#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only view of one value in a parsed text, for readers that look at a few members and
/// build `JSONValue`s only for what they keep. Valid only inside `JSONParser.withDocument`.
public struct JSONElement {
    public enum Kind: Sendable {
        case null, bool, number, string, array, object
    }

    /// The parser's tokens, borrowed: an element copies without retaining anything.
    let tokens: UnsafeBufferPointer<JSONTape.Token>
    let index: Int
    let bytes: UnsafeRawBufferPointer
    let materializer: UnsafeMutablePointer<JSONMaterializer>

    private var token: JSONTape.Token { tokens[index] }

    public var kind: Kind {
        switch token.kind {
        case .null: .null
        case .true, .false: .bool
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// The JSON type name, as `JSONValue.typeName` gives it.
    public var typeName: String {
        switch token.kind {
        case .number: (token.flag || numberValue?.isIntegral == true) ? "integer" : "number"
        case .true, .false: "boolean"
        default: "\(kind)"
        }
    }

    /// The whole value as an owned `JSONValue`.
    public var value: JSONValue { materializer.pointee.value(at: index, of: tokens, in: bytes) }

    public var stringValue: String? {
        token.kind == .string ? materializer.pointee.string(token, bytes) : nil
    }

    /// Like `stringValue`, but reusing the `String` of an earlier equal name (stream names repeat on every line).
    var internedStringValue: String? {
        token.kind == .string ? materializer.pointee.key(token, bytes) : nil
    }

    /// The number as written, when the element is a number.
    public var numberValue: JSONNumber? {
        token.kind == .number ? JSONNumber(uncheckedText: materializer.pointee.rawString(token, bytes)) : nil
    }

    /// The object's members as an owned `JSONObject`; `nil` for other kinds.
    public var objectValue: JSONObject? {
        guard token.kind == .object, case .object(let object) = value else { return nil }
        return object
    }

    /// The value of an object member, found without materialising the object.
    public func member(_ key: String) -> JSONElement? {
        guard token.kind == .object else { return nil }
        var found: JSONElement?
        var child = index + 1
        while child < Int(token.end) {
            let keyToken = tokens[child]
            if keyMatches(keyToken, key) { found = JSONElement(tokens: tokens, index: child + 1, bytes: bytes, materializer: materializer) }
            child = Int(tokens[child + 1].end)
        }
        return found  // the last of duplicate names wins, as in `JSONObject`
    }

    private func keyMatches(_ keyToken: JSONTape.Token, _ key: String) -> Bool {
        if keyToken.flag { return materializer.pointee.string(keyToken, bytes) == key }
        return Self.equals(key, UnsafeRawBufferPointer(rebasing: bytes[Int(keyToken.start)..<Int(keyToken.start + keyToken.length)]))
    }

    /// Whether `string`'s UTF-8 is exactly `raw`, by `memcmp` rather than element by element.
    @inline(__always)
    static func equals(_ string: String, _ raw: UnsafeRawBufferPointer) -> Bool {
        let utf8 = string.utf8
        guard utf8.count == raw.count else { return false }
        if let equal = utf8.withContiguousStorageIfAvailable({ memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }) {
            return equal
        }
        return utf8.elementsEqual(raw)
    }
}
