extension Redactor {
    /// Free text (a response body excerpt, a libcurl message) with the values
    /// of secret-looking `name=value`, `"name": "value"` and `Name: value`
    /// pairs replaced by ``placeholder``.
    ///
    /// Error bodies from OAuth endpoints sometimes echo the submitted form, so
    /// excerpts are scanned rather than trusted.
    public func redactedText(_ text: String) -> String {
        let characters = Array(text)
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var index = 0
        while index < characters.count {
            guard Self.isNameCharacter(characters[index]) else {
                output.append(characters[index])
                index += 1
                continue
            }
            var wordEnd = index
            while wordEnd < characters.count, Self.isNameCharacter(characters[wordEnd]) { wordEnd += 1 }
            let word = String(characters[index..<wordEnd])
            output += word
            index = wordEnd
            if isSensitive(name: word), let value = Self.secretValue(in: characters, after: wordEnd) {
                output += String(characters[wordEnd..<value.lowerBound]) + Self.placeholder
                index = value.upperBound
            }
        }
        return output
    }

    /// The range of the value following a name at `start`, if the name is
    /// used as a key (`=`, `":"` or `:`); `nil` when it is just a word.
    private static func secretValue(in text: [Character], after start: Int) -> Range<Int>? {
        var cursor = start
        func skipSpaces() { while cursor < text.count, text[cursor] == " " || text[cursor] == "\t" { cursor += 1 } }
        guard cursor < text.count else { return nil }
        switch text[cursor] {
        case "=":
            cursor += 1
            let valueStart = cursor
            while cursor < text.count, !"&\"', ;<>\n\r\t".contains(text[cursor]) { cursor += 1 }
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

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
    }
}
