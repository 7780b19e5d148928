/// Replaces every known secret in a piece of text with `***` before it reaches a log line or an
/// error message.
///
/// Secrets come from the config (settings declared secret, plus any string under a key that looks
/// like a credential) and from the connector at run time (an OAuth access token it just obtained).
///
/// ```swift
/// let redactor = SecretRedactor()
/// redactor.register(config: ["client_secret": "s3cr3t-value"], secretSettings: [])
/// redactor.redact("login failed for s3cr3t-value")   // "login failed for ***"
/// ```
public final class SecretRedactor: Sendable {
    /// What a secret is replaced with.
    public static let mask = "***"

    /// Key fragments that mark a value as a credential even when no setting declares it secret.
    public static let secretKeyFragments = ["token", "secret", "password", "key", "refresh"]

    /// Values found by key name alone shorter than this are left alone: redacting `"on"` or `"1"`
    /// everywhere would make logs unreadable and protects nothing.
    static let minimumGuessedSecretLength = 4

    /// Kept longest first, so a secret that contains another one is masked whole.
    private let secrets = LockedValue<[String]>([])

    public init() {}

    /// Adds a secret value (empty strings are ignored). Its percent-encoded form is added too,
    /// since tokens often end up in URLs.
    public func register(_ secret: String) {
        guard !secret.isEmpty else { return }
        let forms = Set([secret, Self.percentEncoded(secret)])
        secrets.withLock { known in
            for form in forms where !known.contains(form) { known.append(form) }
            known.sort { $0.utf8.count > $1.utf8.count }
        }
    }

    /// Registers the values of `secretSettings` and every string under a credential-like key,
    /// at any depth of `config`.
    public func register(config: JSONObject, secretSettings: Set<String>) {
        for secret in Self.secrets(in: config, secretSettings: secretSettings) { register(secret) }
    }

    /// `text` with every registered secret replaced by ``mask``.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets.current where result.contains(secret) {
            result = result.replacing(secret, with: Self.mask)
        }
        return result
    }

    /// The secret strings found in `config`: declared secret settings, then credential-like keys.
    public static func secrets(in config: JSONObject, secretSettings: Set<String>) -> [String] {
        var found: [String] = []
        for member in config {
            if secretSettings.contains(member.key) {
                collectStrings(member.value, minimumLength: 1, into: &found)
            } else if isCredentialKey(member.key) {
                collectStrings(member.value, minimumLength: minimumGuessedSecretLength, into: &found)
            } else if case .object(let nested) = member.value {
                found += secrets(in: nested, secretSettings: [])
            }
        }
        return found
    }

    /// Whether a config key names something that should never be logged (`api_key`, `refresh_token`).
    public static func isCredentialKey(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return secretKeyFragments.contains { lowered.contains($0) }
    }

    private static func collectStrings(_ value: JSONValue, minimumLength: Int, into found: inout [String]) {
        switch value {
        case .string(let string) where string.count >= minimumLength: found.append(string)
        case .array(let elements):
            for element in elements { collectStrings(element, minimumLength: minimumLength, into: &found) }
        case .object(let object):
            for member in object { collectStrings(member.value, minimumLength: minimumLength, into: &found) }
        default: break
        }
    }

    /// RFC 3986 percent-encoding of everything but unreserved characters.
    static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                encoded.unicodeScalars.append("%")
                encoded.unicodeScalars.append(hex[Int(byte >> 4)])
                encoded.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return encoded
    }
}
