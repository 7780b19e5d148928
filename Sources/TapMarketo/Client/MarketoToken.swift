import Foundation
import HTTP
import Singer

/// Fetches access tokens from the Identity service with the client-credentials grant:
/// `GET {identity}/oauth/token?grant_type=client_credentials&client_id=…&client_secret=…`.
struct MarketoTokenSource: Sendable {
    var identityURL: String
    var clientID: String
    var clientSecret: String

    /// A token and how many seconds it lives (`expires_in`).
    struct Token: Sendable {
        var accessToken: String
        var expiresIn: Int
    }

    func fetch(using http: HTTPClient) throws(MarketoError) -> Token {
        let url = URLQuery([
            ("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", clientSecret),
        ]).appended(to: identityURL + "/oauth/token")
        let response: HTTPResponse
        do {
            response = try http.send(HTTPRequest(url: url, usesAuthorizer: false))
        } catch let error as HTTPError {
            if case .status(_, let failure, _) = error {
                throw .authentication("the Identity service answered HTTP \(failure.status)"
                    + Self.reason(JSONValue.parse(failure.body)))
            }
            throw .authentication(error.description)
        } catch {
            throw .authentication("\(error)")
        }
        let body = JSONValue.parse(response.body)
        if let error = body?["error"]?.stringValue {
            throw .authentication(error == "unauthorized" ? "Authorization failed: " + (body?["error_description"]?.stringValue ?? error)
                : error + Self.reason(body))
        }
        guard let token = body?["access_token"]?.stringValue, !token.isEmpty else {
            throw .authentication("the Identity service's answer holds no access_token")
        }
        return Token(accessToken: token, expiresIn: body?["expires_in"]?.intValue ?? 3600)
    }

    private static func reason(_ body: JSONValue?) -> String {
        guard let body else { return "" }
        let parts = [body["error"]?.stringValue, body["error_description"]?.stringValue].compactMap { $0 }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ": ") + ")"
    }
}

extension JSONValue {
    /// The JSON in `data`, `nil` when it is not JSON.
    static func parse(_ data: Data) -> JSONValue? {
        var parser = JSONParser()
        return try? parser.parse(data)
    }
}
