import Testing

@testable import Singer

/// Validating a record in place (a `JSONElement` over its input bytes) must report exactly what
/// validating its materialised `JSONValue` reports: same errors, same paths, same messages.
/// Both walks run here over hand-picked and generated records for schemas using every keyword.
@Suite struct ElementValidationTests {
    typealias Support = SchemaTestSupport

    /// Every keyword the validator applies, nested objects and arrays, names that need quoting
    /// and names that only compare equal as `String`s (`K` and the Kelvin sign, `é` composed
    /// and decomposed).
    static let everyKeyword = #"""
        {"type": "object",
         "definitions": {"money": {"type": ["null", "number"], "minimum": -1000000, "maximum": 1e15, "multipleOf": 0.01}},
         "required": ["Id", "Name", "OnlyRequired"],
         "properties": {
           "Id": {"type": "string", "minLength": 15, "maxLength": 18},
           "Name": {"type": ["string", "null"], "maxLength": 8},
           "Short": {"type": "string", "minLength": 3},
           "Amount": {"$ref": "#/definitions/money"},
           "Quantity": {"type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 1000},
           "Probability": {"type": "number", "minimum": 0, "maximum": 100, "multipleOf": 5},
           "Huge": {"type": "number", "multipleOf": 12345678901234567890123},
           "Closed": {"type": "boolean"},
           "CreatedDate": {"type": ["null", "string"], "format": "date-time"},
           "CloseDate": {"type": "string", "format": "date"},
           "AlarmTime": {"type": "string", "format": "time"},
           "Stage": {"enum": ["Prospecting", "Closed Won", "Closed Lost", null]},
           "Kind": {"const": "Opportunity"},
           "Tags": {"type": "array", "items": {"type": "string", "maxLength": 4}},
           "Pair": {"type": "array", "items": [{"type": "integer"}, {"type": "string"}]},
           "Either": {"anyOf": [{"type": "integer"}, {"type": "string", "format": "date"}]},
           "Exactly": {"oneOf": [{"type": "number", "minimum": 5}, {"type": "number", "maximum": 10}]},
           "Both": {"allOf": [{"type": "string"}, {"minLength": 2}]},
           "NotNull": {"not": {"type": "null"}},
           "Never": false,
           "Anything": true,
           "Unit Price": {"type": "number"},
           "K": {"type": "integer"},
           "Café": {"type": "string", "maxLength": 2},
           "Account": {"type": ["object", "null"], "additionalProperties": false,
                       "required": ["Id"],
                       "properties": {"Id": {"type": "string"},
                                      "Owner": {"type": "object", "properties": {"Email": {"type": "string", "minLength": 3}},
                                                "additionalProperties": {"type": "string"}}}},
           "LineItems": {"type": ["null", "array"],
                         "items": {"type": "object", "required": ["Price"],
                                   "properties": {"Name": {"type": "string"}, "Price": {"type": "number", "minimum": 0}}}},
           "Loose": {"type": "object", "patternProperties": {"^x_": {"type": "string"}}, "additionalProperties": false}
         },
         "additionalProperties": {"type": ["string", "number", "null"]}}
        """#

    /// More required names than the walk's 64-bit mask holds, so they are looked up one by one.
    static let manyRequired: String = {
        let names = (0..<70).map { "\"F\($0)\"" }.joined(separator: ", ")
        let properties = (0..<70).map { "\"F\($0)\": {\"type\": \"integer\"}" }.joined(separator: ", ")
        return #"{"type": "object", "required": [\#(names), "Extra", "K"], "properties": {\#(properties)}}"#
    }()

    /// A schema at the root that is not an object schema, to check scalars at the top.
    static let scalarRoot = #"{"type": ["string", "integer"], "maxLength": 3, "maximum": 9, "format": "date"}"#

    /// Each record through both walks; returns how many were invalid, so a test can make sure it
    /// exercised failures as well as passes.
    @discardableResult
    static func expectSameErrors(_ schemaText: String, _ records: [String]) throws -> Int {
        let schema = try Support.schema(schemaText)
        var invalid = 0
        for record in records {
            let materialized = schema.validate(try Support.json(record))
            let inPlace = try Support.elementErrors(schema, record)
            #expect(inPlace == materialized, "record: \(record)")
            if !materialized.isEmpty { invalid += 1 }
        }
        return invalid
    }

    @Test func handPickedRecordsGiveTheSameErrorsBothWays() throws {
        let records = [
            // Valid, with escapes, unicode and big numbers where they are allowed.
            #"{"Id": "0061t00000AbCdE", "Name": "Acme\u00e9", "OnlyRequired": 1, "Amount": 12345678901234.99, "Quantity": 3, "Probability": 25, "Huge": 24691357802469135780246, "Closed": false, "CreatedDate": "2026-11-28T00:00:01.000Z", "CloseDate": "2024-02-29", "AlarmTime": "03:04:05+0100", "Stage": "Closed Won", "Kind": "Opportunity", "Tags": ["a", "b\n", "\ud83d\ude00"], "Pair": [1, "x", {}], "Either": "2024-01-02", "Exactly": 20, "Both": "ok", "NotNull": 0, "Anything": [1, {"a": null}], "Unit Price": 1e-7, "K": 1.0, "Café": "ab", "Account": {"Id": "001", "Owner": {"Email": "a@b", "Note": "n"}}, "LineItems": [{"Name": "x", "Price": 0}], "Loose": {"x_a": 1, "y": 2}, "Extra": "text"}"#,
            #"{"Id": "0061t00000AbCdE", "Name": null, "OnlyRequired": null, "Amount": null, "CreatedDate": null, "Account": null, "LineItems": null}"#,
            // One failure per keyword.
            #"{"Id": "short", "Name": "abcdefghi", "OnlyRequired": 1}"#,
            #"{"Id": "0061t00000AbCdE", "Name": "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9", "Short": "\ud83d\ude00\ud83d\ude00", "OnlyRequired": 1}"#,
            #"{"Id": "0061t00000AbCdE", "Name": "n", "OnlyRequired": 1, "Amount": 0.001, "Quantity": 0, "Probability": 7, "Huge": 12345678901234567890124}"#,
            #"{"Id": "0061t00000AbCdE", "Name": "n", "OnlyRequired": 1, "Amount": 1e16, "Quantity": 1.5, "Probability": -0.0, "Huge": NaN}"#,
            #"{"Id": "0061t00000AbCdE", "Name": "n", "OnlyRequired": 1, "Amount": Infinity, "Quantity": 1000, "Probability": 100.00000000000000000001}"#,
            #"{"Id": "0061t00000AbCdE", "Name": "n", "OnlyRequired": 1, "CreatedDate": "2026-11-28 00:00:01", "CloseDate": "2023-02-29", "AlarmTime": "24:00:00"}"#,
            #"{"Id": "0061t00000AbCdE", "Name": "n", "OnlyRequired": 1, "CreatedDate": "2026-11-28T00:00:01.000\u005a", "CloseDate": "2024-01-0\u0032", "AlarmTime": "x"}"#,
            #"{"Id": "0061t00000AbCdE", "Name": "n", "OnlyRequired": 1, "CreatedDate": "\"quoted\"", "Stage": "Open", "Kind": "Lead"}"#,
            #"{"Id": "0061t00000AbCdE", "Name": "n", "OnlyRequired": 1, "Tags": ["abcde", 1, null], "Pair": ["1", 2], "Either": 1.5, "Exactly": 7, "Both": 1, "NotNull": null, "Never": 0}"#,
            #"{"Id": "0061t00000AbCdE", "Name": "n", "OnlyRequired": 1, "Exactly": 1, "Either": "2024-13-01", "Both": "x"}"#,
            #"{"Id": "0061t00000AbCdE", "Name": "n", "OnlyRequired": 1, "Account": {"Owner": {"Email": "a", "Note": 5}, "Extra": 1}, "LineItems": [{"Name": 1}, {"Price": -1}, 3]}"#,
            #"{"Id": "0061t00000AbCdE", "Name": "n", "OnlyRequired": 1, "Loose": {"x_a": 1}, "Unit Price": "1", "Extra": true, "Other\tName": [], "a.b": {}}"#,
            // Escaped names that decode to schema names; duplicates (the last wins for `required`, every one is checked).
            #"{"\u0049d": "0061t00000AbCdE", "Na\u006de": "way too long", "OnlyRequired": 1, "Amount": "x", "Amount": 5}"#,
            #"{"Id": 1, "Id": "0061t00000AbCdE", "Name": "n", "OnlyRequired": 1, "Name": 5}"#,
            // Names equal only as Strings: the Kelvin sign for K, a decomposed é.
            #"{"Id": "0061t00000AbCdE", "Name": "n", "OnlyRequired": 1, "\#u{212A}": "not an integer", "Cafe\#u{301}": "too long"}"#,
            #"{"Id": "0061t00000AbCdE", "Name": "n", "OnlyRequired": 1, "\u212a": 2.5, "Caf\u00e9": "abc", "Café": 1}"#,
            // Not objects at all, and empty.
            #"[]"#, #"null"#, #""0061t00000AbCdE""#, #"{}"#,
        ]
        let invalid = try Self.expectSameErrors(Self.everyKeyword, records)
        #expect(invalid == records.count - 2)
        try Self.expectSameErrors(Self.scalarRoot, [#""2024-01-02""#, #""abc""#, "10", "9", "9.0", #""\u0032024-01-02""#, "true", "[1]", "1e1"])
    }

    @Test func manyRequiredNamesAreLookedUpOneByOne() throws {
        let all = (0..<70).map { "\"F\($0)\": \($0)" }.joined(separator: ", ")
        let some = (0..<70).filter { $0 % 3 != 0 }.map { "\"F\($0)\": \($0)" }.joined(separator: ", ")
        let invalid = try Self.expectSameErrors(Self.manyRequired, [
            "{\(all), \"Extra\": 1, \"K\": 1}",
            "{\(all), \"Ext\\u0072a\": 1, \"\u{212A}\": 1}",
            "{\(some), \"F1\": \"x\"}",
            "{\(all)}",
        ])
        #expect(invalid == 2)  // the escaped name and the Kelvin sign count as present
    }

    @Test func generatedRecordsGiveTheSameErrorsBothWays() throws {
        var generator = RecordGenerator(seed: 20_261_128)
        // Half free-form, half a valid record with a few members changed, so both outcomes are common.
        let everyKeyword = (0..<1500).map { index in
            index % 2 == 0
                ? generator.record(names: RecordGenerator.everyKeywordNames)
                : generator.variation(of: RecordGenerator.validMembers)
        }
        let invalid = try Self.expectSameErrors(Self.everyKeyword, everyKeyword)
        #expect(invalid > 100 && invalid < everyKeyword.count, "the generator should make valid and invalid records")
        let manyRequired = (0..<200).map { _ in generator.record(names: (0..<70).map { "F\($0)" } + ["Extra", "K"]) }
        try Self.expectSameErrors(Self.manyRequired, manyRequired)
    }
}

/// Random JSON text for records: member names from a list (sometimes escaped, repeated or
/// reordered), values from a pool chosen to sit on either side of the schemas' limits.
struct RecordGenerator {
    static let everyKeywordNames = [
        "Id", "Name", "Short", "Amount", "Quantity", "Probability", "Huge", "Closed", "CreatedDate", "CloseDate",
        "AlarmTime", "Stage", "Kind", "Tags", "Pair", "Either", "Exactly", "Both", "NotNull", "Never", "Anything",
        "Unit Price", "K", "Café", "Account", "LineItems", "Loose", "OnlyRequired", "Extra", "Owner", "Email",
        "Price", "x_a",
    ]

    static let scalars = [
        "null", "true", "false", "0", "-0", "1", "5", "10", "-1", "1.0", "2.50", "1e3", "1E-2", "0.01", "0.001",
        "0.35", "999", "1000", "-1000000", "-1000000.01", "1e15", "1.0000000000000001e15", "12345678901234.99",
        "12345678901234567890123", "24691357802469135780246", "123456789012345678901234567890.5", "NaN",
        "Infinity", "-Infinity", "7e400", "-7e-400",
        #""""#, #""a""#, #""ab""#, #""abcd""#, #""abcde""#, #""0061t00000AbCdE""#, #""0061t00000AbCdEFGH""#,
        #""0061t00000AbCdEFGHI""#, #""Closed Won""#, #""Closed\u0020Won""#, #""Opportunity""#, #""Prospecting""#,
        #""2026-11-28T00:00:01.000Z""#, #""2026-11-28T00:00:01.000+0000""#, #""2026-11-28t00:00:01z""#,
        #""2026-11-28T24:00:01Z""#, #""2024-02-29""#, #""2023-02-29""#, #""2024-01-0\u0032""#, #""0000-01-01""#,
        #""03:04:05""#, #""03:04:05.123456789123-05:30""#, #""03:04:60""#, #""3:04:05""#,
        #""h\u00e9llo""#, #""héllo""#, #""日本語テキスト""#, #""\ud83d\ude00""#, #""😀😀😀""#, #""\ud800""#,
        #""tab\there""#, #""quote\"s""#, #""back\\slash""#, #""\/""#, #""é""#, #""e\u0301""#,
    ]

    /// The members of a record valid against `everyKeyword`, as name and JSON text.
    static let validMembers: [(String, String)] = [
        ("Id", #""0061t00000AbCdE""#), ("Name", #""Acme\u00e9""#), ("OnlyRequired", "1"), ("Amount", "12345678901234.99"),
        ("Quantity", "3"), ("Probability", "25"), ("Huge", "24691357802469135780246"), ("Closed", "false"),
        ("CreatedDate", #""2026-11-28T00:00:01.000Z""#), ("CloseDate", #""2024-02-29""#), ("AlarmTime", #""03:04:05+0100""#),
        ("Stage", #""Closed Won""#), ("Kind", #""Opportunity""#), ("Tags", #"["a", "b\n", "\ud83d\ude00"]"#),
        ("Pair", #"[1, "x", {}]"#), ("Either", #""2024-01-02""#), ("Exactly", "20"), ("Both", #""ok""#), ("NotNull", "0"),
        ("Anything", #"[1, {"a": null}]"#), ("Unit Price", "1e-7"), ("K", "1.0"), ("Café", #""ab""#),
        ("Account", #"{"Id": "001", "Owner": {"Email": "a@b", "Note": "n"}}"#),
        ("LineItems", #"[{"Name": "x", "Price": 0}, {"Price": 2.5}]"#), ("Loose", #"{"x_a": 1, "y": 2}"#), ("Extra", #""text""#),
    ]

    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64: deterministic, so a failure reproduces.
    private mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        return Int(mixed % UInt64(bound))
    }

    mutating func record(names: [String]) -> String {
        object(names: names, depth: 0)
    }

    /// `members` with each one now and then dropped, repeated, renamed or given another value.
    mutating func variation(of members: [(String, String)]) -> String {
        var chosen: [String] = []
        for (name, value) in members {
            switch next(40) {
            case 0: continue
            case 1: chosen.append("\(memberName(name)): \(Self.scalars[next(Self.scalars.count)])")
            case 2: chosen.append("\(memberName(name)): \(self.value(names: Self.everyKeywordNames, depth: 1))")
            case 3: chosen.append("\(memberName(name)): \(value), \(memberName(name)): \(value)")
            default: chosen.append("\(memberName(name)): \(value)")
            }
        }
        if next(3) == 0 { chosen.shuffle(using: &self) }
        return "{" + chosen.joined(separator: ", ") + "}"
    }

    private mutating func object(names: [String], depth: Int) -> String {
        // Mostly schema order, sometimes shuffled, so both the cursor and the hash table are used.
        var chosen = names.filter { _ in next(4) != 0 }
        if next(3) == 0 { chosen.shuffle(using: &self) }
        if next(8) == 0, let repeated = chosen.first { chosen.append(repeated) }
        if next(6) == 0 { chosen.append(["Unknown", "a.b", "x_z", "K\u{212A}"][next(4)]) }
        let members = chosen.map { name in "\(memberName(name)): \(value(names: names, depth: depth))" }
        return "{" + members.joined(separator: ", ") + "}"
    }

    private mutating func memberName(_ name: String) -> String {
        switch next(20) {
        case 0: // escape the first character
            let hex = String(name.unicodeScalars.first!.value, radix: 16)
            return "\"\\u" + String(repeating: "0", count: 4 - hex.count) + hex + String(name.unicodeScalars.dropFirst()) + "\""
        case 1 where name == "K": return "\"\u{212A}\""
        case 2 where name == "Café": return "\"Cafe\u{301}\""
        default: return "\"" + name + "\""
        }
    }

    private mutating func value(names: [String], depth: Int) -> String {
        switch next(10) {
        case 0 where depth < 3:
            let count = next(4)
            return "[" + (0..<count).map { _ in value(names: names, depth: depth + 1) }.joined(separator: ", ") + "]"
        case 1 where depth < 3:
            return object(names: names.filter { _ in next(3) == 0 }, depth: depth + 1)
        default:
            return Self.scalars[next(Self.scalars.count)]
        }
    }
}

extension RecordGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { UInt64(truncatingIfNeeded: next(Int.max)) }
}
