import Foundation
import Singer

/// Reading the individual settings; each error names its setting and never repeats a secret.
extension SalesforceConfiguration {
    static func credentials(_ config: Config) throws(ConfigError) -> Credentials {
        let clientID = nonEmptyString(config, "client_id")
        func requireClientID(for flow: String) throws(ConfigError) -> String {
            guard let clientID else {
                throw .invalidValue(setting: "client_id", reason: "the \(flow) needs the connected app's client_id (consumer key)")
            }
            return clientID
        }
        if let privateKey = nonEmptyString(config, "private_key") {
            let clientID = try requireClientID(for: "JWT bearer flow (private_key)")
            guard let username = nonEmptyString(config, "username") else {
                throw .invalidValue(setting: "username", reason: "the JWT bearer flow (private_key) needs the username to log in as")
            }
            return .jwt(clientID: clientID, username: username, privateKeyPEM: try privateKeyPEM(privateKey))
        }
        if let refreshToken = nonEmptyString(config, "refresh_token") {
            let clientID = try requireClientID(for: "refresh-token flow")
            return .refreshToken(clientID: clientID, clientSecret: nonEmptyString(config, "client_secret"), refreshToken: refreshToken)
        }
        if let username = nonEmptyString(config, "username"), let password = nonEmptyString(config, "password") {
            let clientID = try requireClientID(for: "username-password flow")
            guard let clientSecret = nonEmptyString(config, "client_secret") else {
                throw .invalidValue(setting: "client_secret", reason: "the username-password flow needs the connected app's client_secret")
            }
            return .password(
                clientID: clientID, clientSecret: clientSecret, username: username, password: password,
                securityToken: config.string("security_token") ?? "")
        }
        if nonEmptyString(config, "username") != nil {
            throw .invalidValue(setting: "password", reason: "username is set but password is missing; "
                + "give password (and security_token), or private_key for the JWT bearer flow")
        }
        throw .invalidValue(setting: "refresh_token", reason: "no credentials: give client_id, client_secret and "
            + "refresh_token; or client_id, client_secret, username, password and security_token; "
            + "or client_id, username and private_key (JWT bearer)")
    }

    /// The PEM text itself, or the contents of the file it names.
    static func privateKeyPEM(_ value: String) throws(ConfigError) -> String {
        if value.contains("-----BEGIN") {
            // Some secret stores flatten newlines into the two characters `\n`.
            return value.contains("\n") ? value : value.replacingOccurrences(of: "\\n", with: "\n")
        }
        let path = (value as NSString).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidValue(setting: "private_key", reason:
                "is neither PEM text (-----BEGIN PRIVATE KEY-----…) nor a readable file path")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains("-----BEGIN") else {
            throw .invalidValue(setting: "private_key", reason: "the file at \(value) holds no PEM private key")
        }
        return text
    }

    static func loginURL(_ config: Config) throws(ConfigError) -> String {
        if let text = nonEmptyString(config, "login_url") {
            var url = text.trimmingCharacters(in: .whitespaces)
            if !url.contains("://") { url = "https://" + url }
            while url.hasSuffix("/") { url.removeLast() }
            // A pasted token URL still names the same server.
            if url.hasSuffix("/services/oauth2/token") { url.removeLast("/services/oauth2/token".count) }
            guard url.hasPrefix("https://") || url.hasPrefix("http://"), url.split(separator: "/").count >= 2 else {
                throw .invalidValue(setting: "login_url", reason: "'\(text)' is not an http(s) URL such as https://mydomain.my.salesforce.com")
            }
            return url
        }
        return (config.bool("is_sandbox") ?? false) ? sandboxLoginURL : defaultLoginURL
    }

    static func apiVersion(_ config: Config) throws(ConfigError) -> String {
        let raw: String
        switch config["api_version"] {
        case .string(let text)?: raw = text
        case .number(let number)?: raw = number.text
        default: return defaultAPIVersion
        }
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("v") || text.hasPrefix("V") { text.removeFirst() }
        if text.isEmpty { return defaultAPIVersion }
        if !text.contains(".") { text += ".0" }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            throw .invalidValue(setting: "api_version", reason: "'\(raw)' is not an API version such as 61.0")
        }
        return text
    }

    static func apiType(_ config: Config) throws(ConfigError) -> APIType {
        guard let text = nonEmptyString(config, "api_type") else { return .rest }
        switch text.trimmingCharacters(in: .whitespaces).uppercased() {
        case "REST": return .rest
        case "BULK", "BULK2": return .bulk
        default: throw .invalidValue(setting: "api_type", reason: "'\(text)' is not REST or BULK (BULK2 is accepted as BULK)")
        }
    }

    /// A percentage; an empty string counts as unset, as in the Python tap.
    static func percent(_ config: Config, _ key: String, default defaultValue: Double) throws(ConfigError) -> Double {
        if case .string(let text)? = config[key], text.trimmingCharacters(in: .whitespaces).isEmpty { return defaultValue }
        guard config.contains(key) else { return defaultValue }
        guard let value = config.number(key)?.doubleValue else {
            throw .invalidValue(setting: key, reason: "must be a percentage such as \(Int(defaultValue))")
        }
        guard value > 0 else { throw .invalidValue(setting: key, reason: "must be more than 0 (percent of the daily API limit)") }
        return value
    }

    /// A non-negative number of seconds.
    static func seconds(_ config: Config, _ key: String, default defaultValue: Double) throws(ConfigError) -> Duration {
        guard config.contains(key) else { return .milliseconds(Int64(defaultValue * 1000)) }
        guard let value = config.number(key)?.doubleValue, value >= 0, value.isFinite else {
            throw .invalidValue(setting: key, reason: "must be a number of seconds (0 or more)")
        }
        return .milliseconds(Int64((value * 1000).rounded()))
    }

    /// A string setting with surrounding whitespace removed; `nil` when absent or empty.
    static func nonEmptyString(_ config: Config, _ key: String) -> String? {
        guard let text = config.string(key) else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
    }
}
