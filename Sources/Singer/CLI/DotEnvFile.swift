/// A minimal `.env` reader (`KEY=value` lines, `#` comments, optional `export ` and quotes), so
/// `--config ENV` sees the same variables as the Singer SDK, which loads `.env` too.
///
/// ```swift
/// DotEnvFile.parse("TAP_X_API_KEY=\"abc\"\n# comment\nexport TAP_X_PAGE_SIZE=10")
/// // ["TAP_X_API_KEY": "abc", "TAP_X_PAGE_SIZE": "10"]
/// ```
public enum DotEnvFile {
    /// The variables in the file at `path`, or none when there is no such file.
    public static func load(_ path: String) throws(JSONFileError) -> [String: String] {
        let bytes: [UInt8]
        do {
            bytes = try JSONFile.readBytes(path, role: ".env")
        } catch .notFound {
            return [:]
        }
        return parse(String(decoding: bytes, as: UTF8.self))
    }

    /// The variables defined in `text`; malformed lines are skipped.
    public static func parse(_ text: String) -> [String: String] {
        var variables: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = String(rawLine).strippingSurroundingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst("export ".count)) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = String(line[..<equals]).strippingSurroundingWhitespace()
            guard !name.isEmpty else { continue }
            variables[name] = unquoted(String(line[line.index(after: equals)...]).strippingSurroundingWhitespace())
        }
        return variables
    }

    private static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote else {
            // An unquoted value ends at an inline comment.
            if let hash = value.firstRange(of: " #") { return String(value[..<hash.lowerBound]).strippingSurroundingWhitespace() }
            return value
        }
        let inner = String(value.dropFirst().dropLast())
        return quote == "\"" ? inner.replacing("\\n", with: "\n").replacing("\\\"", with: "\"") : inner
    }
}
