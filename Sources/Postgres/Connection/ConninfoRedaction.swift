import CLibPQ

/// Keeps passwords out of everything we print about a connection.
enum ConninfoRedaction {
    /// Passwords for fresh connections are at least this long before we scrub them from messages;
    /// shorter strings would also erase ordinary words from libpq's text.
    static let shortestScrubbedSecret = 4

    /// Whether a libpq keyword holds a secret.
    static func isSecret(_ keyword: String) -> Bool {
        keyword == "password" || keyword == "sslpassword"
    }

    /// The options libpq reads from `conninfo` (keyword or URI form), or libpq's complaint.
    ///
    /// libpq's parse errors can quote the text around the fault, which may be the password, so a
    /// complaint is passed on only when the string contains nothing that looks like one.
    static func parse(_ conninfo: String) -> Result<[(keyword: String, value: String)], PostgresError> {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = conninfo.withCString({ PQconninfoParse($0, &errorMessage) }) else {
            var message = "libpq could not parse the connection string"
            if let errorMessage {
                if !mayContainPassword(conninfo) {
                    message += ": " + String(cString: errorMessage).joinedIntoOneLine()
                } else {
                    message += " (its message is withheld because the string holds a password)"
                }
                PQfreemem(errorMessage)
            }
            return .failure(PostgresError(kind: .connectionFailed, message: message))
        }
        defer { PQconninfoFree(options) }
        var pairs: [(keyword: String, value: String)] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                pairs.append((String(cString: keyword), String(cString: value)))
            }
            option += 1
        }
        return .success(pairs)
    }

    /// `conninfo` with secrets replaced by `***`, or a placeholder when it cannot be parsed.
    static func redacted(_ conninfo: String) -> String {
        switch parse(conninfo) {
        case .success(let pairs):
            return ConninfoFormat.conninfo(pairs.map { isSecret($0.keyword) ? ($0.keyword, "***") : $0 })
        case .failure:
            return "<unparseable connection string>"
        }
    }

    /// `message` with every occurrence of the secrets replaced by `***`.
    static func scrub(_ message: String, secrets: [String]) -> String {
        var scrubbed = message
        for secret in secrets where secret.count >= shortestScrubbedSecret {
            scrubbed = scrubbed.replacing(secret, with: "***")
        }
        return scrubbed
    }

    /// `user@host:port/database` for an opened (or failed) connection handle.
    static func target(of connection: OpaquePointer) -> String {
        func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
            pointer.map { String(cString: $0) } ?? ""
        }
        return "\(text(PQuser(connection)))@\(text(PQhost(connection))):\(text(PQport(connection)))/\(text(PQdb(connection)))"
    }

    private static func mayContainPassword(_ conninfo: String) -> Bool {
        let lowered = conninfo.lowercased()
        if lowered.contains("password") { return true }
        // URI user info: postgresql://user:secret@host
        guard let scheme = lowered.firstRange(of: "://") else { return false }
        let afterScheme = lowered[scheme.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" }
        return authority.contains("@") && authority.prefix { $0 != "@" }.contains(":")
    }
}
