import Crypto
import _CryptoExtras
import Foundation

/// The signed JWT of the OAuth 2.0 JWT bearer flow: RS256 over `{"alg":"RS256"}` and the claims
/// `iss` (client id), `sub` (username), `aud` (the login server), `exp` (a few minutes ahead).
///
/// ```swift
/// let assertion = try JWTAssertion(clientID: id, username: "me@acme.com",
///                                  audience: "https://login.salesforce.com", privateKeyPEM: pem).signed()
/// ```
public struct JWTAssertion: Sendable {
    public var clientID: String
    public var username: String
    /// `https://login.salesforce.com`, `https://test.salesforce.com`, or the configured login URL.
    public var audience: String
    public var expiresAt: Date
    private let privateKeyPEM: String

    /// Salesforce accepts an `exp` at most 3 minutes ahead.
    public static let lifetime: TimeInterval = 180

    public init(clientID: String, username: String, audience: String, privateKeyPEM: String, now: Date = Date()) {
        self.clientID = clientID
        self.username = username
        self.audience = audience
        self.privateKeyPEM = privateKeyPEM
        expiresAt = now.addingTimeInterval(Self.lifetime)
    }

    /// `header.claims` in base64url, the part the signature covers.
    public var signingInput: String {
        let header = #"{"alg":"RS256","typ":"JWT"}"#
        let claims = "{\"iss\":\(Self.jsonString(clientID)),\"sub\":\(Self.jsonString(username)),"
            + "\"aud\":\(Self.jsonString(audience)),\"exp\":\(Int(expiresAt.timeIntervalSince1970))}"
        return Self.base64URL(Data(header.utf8)) + "." + Self.base64URL(Data(claims.utf8))
    }

    /// The compact JWT: `header.claims.signature`, signed RS256 (RSASSA-PKCS1-v1_5 with SHA-256).
    public func signed() throws(SalesforceError) -> String {
        let key: _RSA.Signing.PrivateKey
        do {
            key = try _RSA.Signing.PrivateKey(pemRepresentation: privateKeyPEM)
        } catch {
            throw .authentication("private_key is not a usable RSA private key of 2048 bits or more in PEM "
                + "(-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----); an encrypted key must be decrypted first")
        }
        let input = signingInput
        do {
            let signature = try key.signature(for: Data(input.utf8), padding: .insecurePKCS1v1_5)
            return input + "." + Self.base64URL(signature.rawRepresentation)
        } catch {
            throw .authentication("signing the JWT assertion with private_key failed: \(error)")
        }
    }

    /// Base64 with the URL-safe alphabet and no padding (RFC 7515 §2).
    public static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes base64url without padding; `nil` when malformed.
    public static func base64URLDecoded(_ text: some StringProtocol) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    private static func jsonString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case _ where scalar.value < 0x20: escaped += String(format: "\\u%04x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
