import Singer
import Testing

@testable import TargetPostgres

/// Encodes one JSON record through both entry points (wire form and `JSONObject`) and checks
/// they agree, so every expectation covers both.
enum CopyRowEncoderTesting {
    static func row(_ json: String, _ columns: [CopyColumn], nulPolicy: NULPolicy = .fail) throws -> String {
        let encoder = CopyRowEncoder(columns: columns, nulPolicy: nulPolicy)
        let fromElement = try encodeElement(json, encoder)
        var fromObject: [UInt8] = []
        try encoder.encode(try object(json), into: &fromObject)
        #expect(fromElement == fromObject, "wire form and JSONObject disagree")
        return String(decoding: fromElement, as: UTF8.self)
    }

    /// The row's single field, without the row end.
    static func field(_ json: String, _ type: ColumnType, nulPolicy: NULPolicy = .fail) throws -> String {
        let line = try row(json, [CopyColumn(propertyName: "v", type: type)], nulPolicy: nulPolicy)
        #expect(line.hasSuffix("\n"))
        return String(line.dropLast())
    }

    /// The error both entry points throw (they must agree); `nil` when encoding succeeds.
    static func failure(
        _ json: String, _ type: ColumnType, property: String = "v", nulPolicy: NULPolicy = .fail
    ) throws -> CopyEncodingError? {
        let encoder = CopyRowEncoder(columns: [CopyColumn(propertyName: property, type: type)], nulPolicy: nulPolicy)
        var fromElement: CopyEncodingError?
        do { _ = try encodeElement(json, encoder) } catch let error as CopyEncodingError { fromElement = error }
        var fromObject: CopyEncodingError?
        var buffer: [UInt8] = []
        let record = try object(json)
        do { try encoder.encode(record, into: &buffer) } catch { fromObject = error }
        #expect(fromElement == fromObject, "wire form and JSONObject disagree")
        return fromElement
    }

    static func encodeElement(_ json: String, _ encoder: CopyRowEncoder) throws -> [UInt8] {
        var parser = JSONParser(options: .init(allowsNonFiniteNumbers: true))
        var buffer: [UInt8] = []
        let bytes = Array(json.utf8)
        try bytes.withUnsafeBytes { raw in
            try parser.withDocument(raw) { try encoder.encode($0, into: &buffer) }
        }
        return buffer
    }

    static func object(_ json: String) throws -> JSONObject {
        var parser = JSONParser(options: .init(allowsNonFiniteNumbers: true))
        return try #require(try parser.parse(json).objectValue)
    }
}
