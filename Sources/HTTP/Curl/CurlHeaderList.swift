import CCurl

/// A `curl_slist` of request header lines, freed when released.
///
/// libcurl does not copy the list, so it must outlive the transfer; owning it
/// in a class ties that lifetime to a Swift reference.
final class CurlHeaderList {
    private(set) var raw: UnsafeMutablePointer<curl_slist>?

    /// Builds the list, rejecting fields that would corrupt the header block.
    init(_ headers: HTTPHeaders) throws(CurlSetupError) {
        for field in headers {
            try Self.validate(field)
            // libcurl drops "Name:" (it means "remove this header"), so an
            // intentionally empty value is written with its "Name;" syntax.
            let line = field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)"
            guard let appended = curl_slist_append(raw, line) else {
                throw CurlSetupError(reason: "could not allocate header \(field.name)")
            }
            raw = appended
        }
    }

    /// Appends a raw line such as `"Expect:"` (which removes a default header).
    func append(rawLine line: String) throws(CurlSetupError) {
        guard let appended = curl_slist_append(raw, line) else {
            throw CurlSetupError(reason: "could not allocate header line")
        }
        raw = appended
    }

    deinit {
        curl_slist_free_all(raw)
    }

    /// CR, LF or NUL in a field would let a value inject further headers.
    /// Checked on bytes: in Swift "\r\n" is one Character equal to neither.
    private static func validate(_ field: HTTPHeaders.Field) throws(CurlSetupError) {
        let forbidden: (UInt8) -> Bool = { $0 == 13 || $0 == 10 || $0 == 0 }
        let badNameByte: (UInt8) -> Bool = { forbidden($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: " ") }
        if field.name.isEmpty || field.name.utf8.contains(where: badNameByte) {
            throw CurlSetupError(reason: "header name \"\(field.name.prefix(40))\" is not a valid field name")
        }
        if field.value.utf8.contains(where: forbidden) {
            throw CurlSetupError(reason: "value of header \(field.name) contains a line break or NUL")
        }
    }
}
