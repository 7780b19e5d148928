extension Redactor {
    /// Free text (a response body excerpt, a libcurl message) with the values
    /// of secret-looking `name=value`, `"name": "value"` and `Name: value`
    /// pairs replaced by ``placeholder``.
    ///
    /// Error bodies from OAuth endpoints sometimes echo the submitted form, so
    /// excerpts are scanned rather than trusted.
    public func redactedText(_ text: String) -> String {
        // Unicode scalars, not Characters: "\r\n" is a single Character,
        // which would hide line ends from the scan.
        let characters = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < characters.count {
            guard Self.isNameCharacter(characters[index]) else {
                output.append(characters[index])
                index += 1
                continue
            }
            var wordEnd = index
            while wordEnd < characters.count, Self.isNameCharacter(characters[wordEnd]) { wordEnd += 1 }
            let word = String(String.UnicodeScalarView(characters[index..<wordEnd]))
            output.append(contentsOf: characters[index..<wordEnd])
            index = wordEnd
            if let value = secretValue(named: word, in: characters, after: wordEnd) {
                output.append(contentsOf: characters[wordEnd..<value.lowerBound])
                output.append(contentsOf: Self.placeholder.unicodeScalars)
                index = value.upperBound
            }
        }
        return String(output)
    }

    /// The range of the secret value of `name`, which ends at `start`: `name`
    /// is sensitive and used as a key, or a parameter name such as `code` used
    /// as `code=…`. `nil` when it is just a word or not secret.
    private func secretValue(named name: String, in text: [Unicode.Scalar], after start: Int) -> Range<Int>? {
        if isSensitive(name: name) { return Self.value(in: text, after: start) }
        guard isSensitive(parameter: name), start < text.count, text[start] == "=" else { return nil }
        return Self.value(in: text, after: start)
    }

    /// The range of the value following a name at `start`, if the name is
    /// used as a key (`=`, `":"` or `:`); `nil` when it is just a word.
    private static func value(in text: [Unicode.Scalar], after start: Int) -> Range<Int>? {
        var cursor = start
        func skipSpaces() { while cursor < text.count, text[cursor] == " " || text[cursor] == "\t" { cursor += 1 } }
        guard cursor < text.count else { return nil }
        switch text[cursor] {
        case "=":
            cursor += 1
            let valueStart = cursor
            while cursor < text.count, !"&\"', ;<>\n\r\t".unicodeScalars.contains(text[cursor]) { cursor += 1 }
            return valueStart..<cursor
        case "\"":
            cursor += 1
            skipSpaces()
            guard cursor < text.count, text[cursor] == ":" else { return nil }
            cursor += 1
            skipSpaces()
            guard cursor < text.count, text[cursor] == "\"" else { return nil }
            cursor += 1
            let valueStart = cursor
            while cursor < text.count, text[cursor] != "\"" {
                cursor += text[cursor] == "\\" ? 2 : 1
            }
            return valueStart..<min(cursor, text.count)
        case ":":
            cursor += 1
            skipSpaces()
            let valueStart = cursor
            while cursor < text.count, text[cursor] != "\n", text[cursor] != "\r" { cursor += 1 }
            return valueStart < cursor ? valueStart..<cursor : nil
        default:
            return nil
        }
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
    }
}
