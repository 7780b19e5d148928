import Crypto
import _CryptoExtras
import Foundation
import HTTP
import Singer
import Testing
@testable import TapSalesforce

@Suite("Auth: JWT bearer assertion and token responses")
struct AuthTests {
    static let key = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

    @Test func assertionIsSignedRS256AndVerifiesWithThePublicKey() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let jwt = try JWTAssertion(
            clientID: "3MVG9_client", username: "me@acme.com", audience: "https://login.salesforce.com",
            privateKeyPEM: Self.key.pemRepresentation, now: now
        ).signed()
        let parts = jwt.split(separator: ".")
        try #require(parts.count == 3)
        #expect(!jwt.contains("=") && !jwt.contains("+") && !jwt.contains("/"))

        var parser = JSONParser()
        let header = try parser.parse(try #require(JWTAssertion.base64URLDecoded(parts[0])))
        #expect(header["alg"] == "RS256")
        let claims = try parser.parse(try #require(JWTAssertion.base64URLDecoded(parts[1])))
        #expect(claims["iss"] == "3MVG9_client")
        #expect(claims["sub"] == "me@acme.com")
        #expect(claims["aud"] == "https://login.salesforce.com")
        #expect(claims["exp"]?.intValue == 1_700_000_180)

        let signature = _RSA.Signing.RSASignature(rawRepresentation: try #require(JWTAssertion.base64URLDecoded(parts[2])))
        let signed = Data("\(parts[0]).\(parts[1])".utf8)
        #expect(Self.key.publicKey.isValidSignature(signature, for: signed, padding: .insecurePKCS1v1_5))
        #expect(!Self.key.publicKey.isValidSignature(signature, for: Data("tampered".utf8), padding: .insecurePKCS1v1_5))
    }

    @Test func claimsEscapeJSONSpecialCharacters() throws {
        let assertion = JWTAssertion(clientID: "a\"b", username: "x\\y", audience: "https://l", privateKeyPEM: "")
        let claimsPart = try #require(assertion.signingInput.split(separator: ".").last)
        var parser = JSONParser()
        let claims = try parser.parse(try #require(JWTAssertion.base64URLDecoded(claimsPart)))
        #expect(claims["iss"] == "a\"b")
        #expect(claims["sub"] == "x\\y")
    }

    @Test func unusablePrivateKeyIsAnAuthenticationError() {
        let assertion = JWTAssertion(clientID: "c", username: "u", audience: "https://l",
                                     privateKeyPEM: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")
        let error = #expect(throws: SalesforceError.self) { try assertion.signed() }
        #expect(error?.description.contains("private_key") == true)
        #expect(error?.exitStatus == .usage)
    }

    @Test func tokenResponseGivesTokenInstanceAndRotatedRefreshToken() throws {
        let body = Data(#"""
            {"access_token":"00Dxx!AR8","instance_url":"http://127.0.0.1:9000/","id":"x","token_type":"Bearer",
             "issued_at":"1278448832702","signature":"s","refresh_token":"5Aep-new"}
            """#.utf8)
        let session = try SalesforceLogin.session(from: body, endpoint: "token")
        #expect(session == SalesforceSession(accessToken: "00Dxx!AR8", instanceURL: "http://127.0.0.1:9000", rotatedRefreshToken: "5Aep-new"))
    }

    @Test func tokenResponseWithoutInstanceURLIsReported() {
        #expect(throws: SalesforceError.self) {
            try SalesforceLogin.session(from: Data(#"{"access_token":"t"}"#.utf8), endpoint: "token")
        }
    }

    @Test func rejectedRefreshTokenExplainsTheLikelyCauses() {
        let failure = HTTPStatusFailure(
            status: 400, headers: [:], body: Data(#"{"error":"invalid_grant","error_description":"expired access/refresh token"}"#.utf8),
            bodyTruncated: false)
        let message = SalesforceLogin.describeRejection(
            failure, grant: "refresh_token", endpoint: "POST https://login.salesforce.com/services/oauth2/token",
            loginURL: "https://login.salesforce.com")
        #expect(message.contains("HTTP 400 invalid_grant: expired access/refresh token"))
        #expect(message.contains("is_sandbox or login_url"))
    }
}
