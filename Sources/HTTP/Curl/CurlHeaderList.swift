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
    private static func validate(_ field: HTTPHeaders.Field) throws(CurlSetupError) {
        let forbidden: (Character) -> Bool = { $0 == "\r" || $0 == "\n" || $0 == "\0" }
        if field.name.isEmpty || field.name.contains(where: { forbidden($0) || $0 == ":" || $0 == " " }) {
            throw CurlSetupError(reason: "header name \"\(field.name.prefix(40))\" is not a valid field name")
        }
        if field.value.contains(where: forbidden) {
            throw CurlSetupError(reason: "value of header \(field.name) contains a line break or NUL")
        }
    }
}
