import Foundation
import Testing

@testable import Singer

/// Generated values: what the writer writes, the parser reads back equal, and Foundation's
/// parser agrees it is JSON with the same strings.
@Suite struct JSONRoundTripTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

        mutating func string() -> String {
            let pieces = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "é", "€", "𝄞", "\u{2028}", "{", "]"]
            return (0..<below(12)).map { _ in pieces[below(pieces.count)] }.joined()
        }

        mutating func number() -> JSONNumber {
            let texts = ["0", "-0", "1", "-17", "9007199254740993", "12345678901234.99", "1e-400", "-2.5E+10", "0.1", "123456789012345678901234567890"]
            return JSONNumber(texts[below(texts.count)])!
        }

        mutating func value(depth: Int = 0) -> JSONValue {
            switch below(depth > 4 ? 5 : 7) {
            case 0: return .null
            case 1: return .bool(below(2) == 0)
            case 2: return .number(number())
            case 3, 4: return .string(string())
            case 5: return .array((0..<below(5)).map { _ in value(depth: depth + 1) })
            default:
                var object = JSONObject()
                for index in 0..<below(5) { object[string() + "\(index)"] = value(depth: depth + 1) }
                return .object(object)
            }
        }
    }

    @Test func writtenValuesParseBackEqual() throws {
        var generator = Generator(state: 20_261_129)
        var parser = JSONParser()
        for _ in 0..<2000 {
            let value = generator.value()
            let text = JSONWriter.string(from: value)
            #expect(try parser.parse(text) == value, "\(text)")
        }
    }

    @Test func foundationReadsWhatWeWriteWithTheSameStrings() throws {
        var generator = Generator(state: 7)
        for _ in 0..<500 {
            let string = generator.string()
            let text = JSONWriter.string(from: ["s": .string(string)])
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            #expect(object?["s"] as? String == string, "\(text)")
        }
    }

    @Test func truncatedTextIsAlwaysRejectedNeverCrashes() throws {
        var generator = Generator(state: 42)
        var parser = JSONParser()
        for _ in 0..<300 {
            let value: JSONValue = .array([generator.value(), generator.value()])
            let bytes = Array(JSONWriter.string(from: value).utf8)
            for cut in stride(from: 1, to: bytes.count, by: max(1, bytes.count / 7)) {
                #expect(throws: JSONParseError.self) { try parser.parse(bytes[..<cut]) }
            }
        }
    }
}
