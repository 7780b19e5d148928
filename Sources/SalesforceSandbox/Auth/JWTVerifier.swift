import _CryptoExtras
import Foundation
import Singer

/// Checks a JWT bearer assertion the way Salesforce's token endpoint does: RS256 signature
/// against the connected app's certificate key, `iss` = consumer key, `sub` = username,
/// `aud` = the login host, `exp` in the future.
struct JWTVerifier: Sendable {
    let publicKey: _RSA.Signing.PublicKey

    /// Why an assertion was refused: the OAuth `error` and `error_description`.
    struct Refusal: Error, Sendable, Hashable {
        var error: String
        var description: String
    }

    init(publicKeyPEM: String) throws {
        publicKey = try _RSA.Signing.PublicKey(pemRepresentation: publicKeyPEM)
    }

    /// The assertion's claims when valid.
    func verify(_ assertion: String, clientID: String, username: String, audiences: [String], nowSeconds: Int64) throws(Refusal) -> JSONValue {
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Self.base64URLDecoded(parts[0]), let payloadBytes = Self.base64URLDecoded(parts[1]),
            let signature = Self.base64URLDecoded(parts[2])
        else { throw Refusal(error: "invalid_grant", description: "invalid assertion") }
        var parser = JSONParser()
        guard let header = try? parser.parse(headerBytes), header["alg"]?.stringValue == "RS256",
            let claims = try? parser.parse(payloadBytes), claims.objectValue != nil
        else { throw Refusal(error: "invalid_grant", description: "invalid assertion") }
        let signingInput = Data((parts[0] + "." + parts[1]).utf8)
        guard publicKey.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: signingInput, padding: .insecurePKCS1v1_5) else {
            throw Refusal(error: "invalid_grant", description: "invalid assertion")
        }
        guard claims["iss"]?.stringValue == clientID else {
            throw Refusal(error: "invalid_client_id", description: "client identifier invalid")
        }
        let audience = claims["aud"]?.stringValue ?? claims["aud"]?[0]?.stringValue ?? ""
        guard audiences.contains(Self.trimmedSlash(audience)) else {
            throw Refusal(error: "invalid_grant", description: "audience is invalid")
        }
        guard let expiry = claims["exp"]?.numberValue?.intValue, Int64(expiry) > nowSeconds else {
            throw Refusal(error: "invalid_grant", description: "expired authorization code")
        }
        guard claims["sub"]?.stringValue == username else {
            throw Refusal(error: "invalid_grant", description: "user hasn't approved this consumer")
        }
        return claims
    }

    static func trimmedSlash(_ text: String) -> String {
        text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    static func base64URLDecoded(_ text: Substring) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map { Array($0) }
    }
}
