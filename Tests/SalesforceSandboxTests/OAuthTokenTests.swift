import _CryptoExtras
import Crypto
import Foundation
import SalesforceSandbox
import Singer
import Testing

@Suite("OAuth token endpoint")
struct OAuthTokenTests {
    @Test func refreshTokenGrantReturnsTheDocumentedBodyWithAValidSignature() async throws {
        try await withSandbox { client in
            let credentials = client.sandbox.credentials
            let reply = try await client.token([
                ("grant_type", "refresh_token"), ("client_id", credentials.clientID),
                ("client_secret", credentials.clientSecret), ("refresh_token", credentials.refreshToken),
            ])
            #expect(reply.status == 200)
            let body = reply.json
            #expect(body["instance_url"]?.stringValue == client.sandbox.baseURL)
            #expect(body["token_type"]?.stringValue == "Bearer")
            #expect(body["refresh_token"] == nil)
            let identity = try #require(body["id"]?.stringValue)
            let issuedAt = try #require(body["issued_at"]?.stringValue)
            #expect(Int64(issuedAt) != nil)
            let key = SymmetricKey(data: Data(credentials.clientSecret.utf8))
            let expected = Data(HMAC<SHA256>.authenticationCode(for: Data((identity + issuedAt).utf8), using: key)).base64EncodedString()
            #expect(body["signature"]?.stringValue == expected)
            let token = try #require(body["access_token"]?.stringValue)
            #expect(try await client.get("/services/data/v61.0/limits", token: token).status == 200)
            #expect(client.sandbox.counters["logins.refresh_token"] == 1)
        }
    }

    @Test func passwordGrantNeedsThePasswordWithTheSecurityTokenAppended() async throws {
        try await withSandbox { client in
            let credentials = client.sandbox.credentials
            func attempt(_ password: String) async throws -> Reply {
                try await client.token([
                    ("grant_type", "password"), ("client_id", credentials.clientID), ("client_secret", credentials.clientSecret),
                    ("username", credentials.username), ("password", password),
                ])
            }
            let refused = try await attempt(credentials.password)
            #expect(refused.status == 400)
            #expect(refused.json["error"]?.stringValue == "invalid_grant")
            #expect(refused.json["error_description"]?.stringValue == "authentication failure")
            let accepted = try await attempt(credentials.password + credentials.securityToken)
            #expect(accepted.status == 200)
            #expect(accepted.json["access_token"]?.stringValue != nil)
        }
    }

    @Test func jwtBearerGrantVerifiesSignatureIssuerSubjectAudienceAndExpiry() async throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let options = SalesforceSandboxOptions(seed: 3, records: 50, jwtPublicKeyPEM: key.publicKey.pemRepresentation)
        try await withSandbox(options) { client in
            let credentials = client.sandbox.credentials
            let now = Int(Date().timeIntervalSince1970)
            func assertion(iss: String = credentials.clientID, sub: String = credentials.username,
                           aud: String = "https://login.salesforce.com", exp: Int = now + 300, signer: _RSA.Signing.PrivateKey? = nil) throws -> String {
                let header = base64URL(Data(#"{"alg":"RS256"}"#.utf8))
                let claims = base64URL(Data(JSONWriter.string(from: [
                    "iss": .string(iss), "sub": .string(sub), "aud": .string(aud), "exp": .number(JSONNumber(exp)),
                ]).utf8))
                let signature = try (signer ?? key).signature(for: Data("\(header).\(claims)".utf8), padding: .insecurePKCS1v1_5)
                return "\(header).\(claims).\(base64URL(signature.rawRepresentation))"
            }
            func grant(_ assertion: String) async throws -> Reply {
                try await client.token([("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", assertion)])
            }
            let accepted = try await grant(try assertion())
            #expect(accepted.status == 200)
            #expect(accepted.json["instance_url"]?.stringValue == client.sandbox.baseURL)
            #expect(try await grant(try assertion(aud: client.sandbox.baseURL)).status == 200)

            let otherKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            #expect(try await grant(try assertion(signer: otherKey)).json["error_description"]?.stringValue == "invalid assertion")
            #expect(try await grant(try assertion(iss: "someone-else")).json["error"]?.stringValue == "invalid_client_id")
            #expect(try await grant(try assertion(aud: "https://example.com")).json["error_description"]?.stringValue == "audience is invalid")
            #expect(try await grant(try assertion(exp: now - 10)).status == 400)
            #expect(try await grant(try assertion(sub: "nobody@example.org")).status == 400)
            #expect(client.sandbox.counters["logins.jwt_bearer"] == 2)
        }
    }

    @Test func generatedKeyPairSignsAssertionsTheSandboxAccepts() async throws {
        try await withSandbox { client in
            let credentials = client.sandbox.credentials
            let key = try _RSA.Signing.PrivateKey(pemRepresentation: credentials.jwtPrivateKeyPEM)
            let header = base64URL(Data(#"{"alg":"RS256","typ":"JWT"}"#.utf8))
            let claims = base64URL(Data(#"{"iss":"\#(credentials.clientID)","sub":"\#(credentials.username)","aud":"https://test.salesforce.com","exp":\#(Int(Date().timeIntervalSince1970) + 60)}"#.utf8))
            let signature = try key.signature(for: Data("\(header).\(claims)".utf8), padding: .insecurePKCS1v1_5)
            let reply = try await client.token([
                ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
                ("assertion", "\(header).\(claims).\(base64URL(signature.rawRepresentation))"),
            ])
            #expect(reply.status == 200)
        }
    }

    @Test func wrongRefreshTokenOrClientIsRefusedWithOAuthErrors() async throws {
        try await withSandbox { client in
            let credentials = client.sandbox.credentials
            let badToken = try await client.token([
                ("grant_type", "refresh_token"), ("client_id", credentials.clientID), ("refresh_token", "nope"),
            ])
            #expect(badToken.status == 400)
            #expect(badToken.json["error"]?.stringValue == "invalid_grant")
            let badClient = try await client.token([
                ("grant_type", "refresh_token"), ("client_id", "nope"), ("refresh_token", credentials.refreshToken),
            ])
            #expect(badClient.json["error"]?.stringValue == "invalid_client_id")
            #expect(try await client.token([("grant_type", "magic")]).json["error"]?.stringValue == "unsupported_grant_type")
            #expect(client.sandbox.counters["login_failures"] == 3)
        }
    }

    @Test func rotationIssuesANewRefreshTokenAndRetiresTheOld() async throws {
        try await withSandbox(SalesforceSandboxOptions(seed: 2, records: 10, rotatesRefreshTokens: true)) { client in
            let credentials = client.sandbox.credentials
            func refresh(_ token: String) async throws -> Reply {
                try await client.token([
                    ("grant_type", "refresh_token"), ("client_id", credentials.clientID),
                    ("client_secret", credentials.clientSecret), ("refresh_token", token),
                ])
            }
            let first = try await refresh(credentials.refreshToken)
            let rotated = try #require(first.json["refresh_token"]?.stringValue)
            #expect(rotated != credentials.refreshToken)
            #expect(try await refresh(credentials.refreshToken).status == 400)
            #expect(try await refresh(rotated).status == 200)
        }
    }
}

func base64URL(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
}
