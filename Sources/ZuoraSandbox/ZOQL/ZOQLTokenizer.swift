/// A ZOQL token.
enum ZOQLToken: Sendable, Hashable {
    /// An identifier or keyword, possibly dotted (`BillToContact.Id`).
    case word(String)
    /// A single-quoted literal, unescaped (`\'` and `''` are quotes).
    case string(String)
    /// A numeric literal as written.
    case number(String)
    /// `,` `*` `(` `)` `=` `!=` `<` `<=` `>` `>=`.
    case symbol(String)

    func isKeyword(_ keyword: String) -> Bool {
        if case .word(let word) = self { return word.lowercased() == keyword }
        return false
    }
}

/// Splits ZOQL text into tokens.
enum ZOQLTokenizer {
    static func tokens(_ text: String) throws(ZOQLError) -> [ZOQLToken] {
        var tokens: [ZOQLToken] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "."
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\n", "\r":
                index += 1
            case "'":
                var value = String.UnicodeScalarView()
                index += 1
                var closed = false
                while index < scalars.count {
                    let next = scalars[index]
                    if next == "\\", index + 1 < scalars.count {
                        value.append(scalars[index + 1])
                        index += 2
                    } else if next == "'" {
                        if index + 1 < scalars.count, scalars[index + 1] == "'" {
                            value.append("'")
                            index += 2
                        } else {
                            index += 1
                            closed = true
                            break
                        }
                    } else {
                        value.append(next)
                        index += 1
                    }
                }
                guard closed else { throw .syntax("unterminated string literal") }
                tokens.append(.string(String(value)))
            case ",", "*", "(", ")", "=":
                tokens.append(.symbol(String(scalar)))
                index += 1
            case "!", "<", ">":
                if index + 1 < scalars.count, scalars[index + 1] == "=" {
                    tokens.append(.symbol(String(scalar) + "="))
                    index += 2
                } else if scalar == "<", index + 1 < scalars.count, scalars[index + 1] == ">" {
                    tokens.append(.symbol("!="))
                    index += 2
                } else if scalar == "!" {
                    throw .syntax("unexpected '!'")
                } else {
                    tokens.append(.symbol(String(scalar)))
                    index += 1
                }
            case "-", "0"..."9":
                var value = String.UnicodeScalarView([scalar])
                index += 1
                while index < scalars.count, ("0"..."9").contains(scalars[index]) || scalars[index] == "." {
                    value.append(scalars[index])
                    index += 1
                }
                tokens.append(.number(String(value)))
            default:
                guard isWordScalar(scalar) else { throw .syntax("unexpected character '\(scalar)'") }
                var value = String.UnicodeScalarView()
                while index < scalars.count, isWordScalar(scalars[index]) {
                    value.append(scalars[index])
                    index += 1
                }
                tokens.append(.word(String(value)))
            }
        }
        return tokens
    }
}

/// Why a ZOQL query was refused.
enum ZOQLError: Error, Sendable, Hashable, CustomStringConvertible {
    case syntax(String)
    case unknownObject(String)
    case unknownField(object: String, field: String)
    case unsupportedField(object: String, field: String)

    var description: String {
        switch self {
        case .syntax(let detail): "There is a syntax error in the query: \(detail)."
        case .unknownObject(let name): "Object \(name) does not exist or is not queryable."
        case .unknownField(let object, let field): "There is no field named \(field) on \(object)."
        case .unsupportedField(let object, let field): "invalid field for query: \(object).\(field)"
        }
    }
}
