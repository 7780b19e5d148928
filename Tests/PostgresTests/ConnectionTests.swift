import Postgres
import PostgresTestSupport
import Testing

@Suite("Connecting")
struct ConnectionTests {
    @Test func connectsFromEnvironmentVariablesAlone() throws {
        let endpoint = try TestServer.endpoint()
        let connection = try TestServer.connect()
        let row = try connection.execute("SELECT current_user, current_database(), inet_server_port()")[0]
        #expect(row[0] == endpoint.user)
        #expect(row[1] == endpoint.database)
        #expect(try row.int(2) == endpoint.port)
        #expect(connection.target == "\(endpoint.user)@\(endpoint.host):\(endpoint.port)/\(endpoint.database)")
        #expect(connection.serverVersion >= 150_000)
    }

    @Test func connectsFromKeywordConninfo() throws {
        let endpoint = try TestServer.endpoint()
        let connection = try PostgresConnection(
            conninfo: "host=\(endpoint.host) port=\(endpoint.port) dbname='\(endpoint.database)' application_name='conninfo test'"
        )
        let row = try connection.execute("SELECT current_setting('application_name'), current_setting('client_encoding')")[0]
        #expect(row[0] == "conninfo test")
        #expect(row[1] == "UTF8")
    }

    @Test func connectsFromURI() throws {
        let endpoint = try TestServer.endpoint()
        let connection = try PostgresConnection(
            conninfo: "postgresql://\(endpoint.user)@\(endpoint.host):\(endpoint.port)/\(endpoint.database)?application_name=uri%20test"
        )
        #expect(try connection.execute("SELECT current_setting('application_name')")[0][0] == "uri test")
    }

    @Test func settingsQuotePasswordsWithQuotesBackslashesAndSpaces() throws {
        let endpoint = try TestServer.endpoint()
        let admin = try TestServer.connect()
        let role = TestServer.uniqueName("login")
        let password = #"it's a \ "tricky" pässwörd"#
        try admin.execute("CREATE ROLE \(role.quotedIdentifier) LOGIN PASSWORD \(PostgresLiteral.quoted(password))")
        defer { _ = try? admin.execute("DROP ROLE IF EXISTS \(role.quotedIdentifier)") }

        let settings = PostgresConnectionSettings(
            host: endpoint.host, port: endpoint.port, user: role, password: password,
            database: endpoint.database, applicationName: "settings test", connectTimeout: 5
        )
        let connection = try PostgresConnection(settings: settings)
        #expect(try connection.execute("SELECT current_user")[0][0] == role)
        #expect(!settings.description.contains("tricky"))
    }

    @Test func wrongPasswordFailsClearlyWithoutShowingIt() throws {
        let endpoint = try TestServer.endpoint()
        let admin = try TestServer.connect()
        let role = TestServer.uniqueName("login")
        try admin.execute("CREATE ROLE \(role.quotedIdentifier) LOGIN PASSWORD 'the-right-one'")
        defer { _ = try? admin.execute("DROP ROLE IF EXISTS \(role.quotedIdentifier)") }

        let wrong = "Wrong-Secret-4711"
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection(settings: .init(host: endpoint.host, port: endpoint.port, user: role, password: wrong, database: endpoint.database))
        }
        #expect(error.kind == .connectionFailed)
        #expect(error.message.contains("password authentication failed"), "\(error)")
        #expect(error.target == "\(role)@\(endpoint.host):\(endpoint.port)/\(endpoint.database)")
        #expect(!error.description.contains(wrong))
        #expect(!error.description.contains("the-right-one"))
    }

    @Test func closedPortFailsClearlyWithoutShowingThePassword() throws {
        let endpoint = try TestServer.endpoint()
        let secret = "UriSecret-0815"
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection(conninfo: "postgresql://\(endpoint.user):\(secret)@127.0.0.1:1/\(endpoint.database)?connect_timeout=5")
        }
        #expect(error.kind == .connectionFailed)
        #expect(error.description.contains("127.0.0.1"))
        #expect(error.description.contains("port 1"), "\(error)")
        #expect(!error.description.contains(secret))
    }

    @Test func unparseableConninfoWithPasswordWithholdsLibpqMessage() throws {
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection(conninfo: "host=localhost password='unterminated-Secret-99")
        }
        #expect(error.kind == .connectionFailed)
        #expect(!error.description.contains("unterminated-Secret-99"))
    }

    @Test func closedConnectionRefusesStatements() throws {
        let connection = try TestServer.connect()
        connection.close()
        connection.close()
        #expect(!connection.isConnected)
        let error = try #require(throws: PostgresError.self) { try connection.execute("SELECT 1") }
        #expect(error.kind == .misuse)
    }
}

@Suite("Connection settings")
struct ConnectionSettingsTests {
    @Test func conninfoQuotesEveryValueAndOmitsUnsetOnes() {
        let settings = PostgresConnectionSettings(
            host: "db.example", port: 6543, user: "o'neil", password: #"a\b'c d"#,
            sslMode: .verifyFull, sslRootCert: "/etc/ca.pem",
            extraOptions: ["keepalives": "1", "application_name": "ignored-order"]
        )
        #expect(settings.conninfo == #"host='db.example' port='6543' user='o\'neil' password='a\\b\'c d' sslmode='verify-full' sslrootcert='/etc/ca.pem' application_name='ignored-order' keepalives='1'"#)
        #expect(settings.redactedConninfo == #"host='db.example' port='6543' user='o\'neil' password='***' sslmode='verify-full' sslrootcert='/etc/ca.pem' application_name='ignored-order' keepalives='1'"#)
    }

    @Test func arbitraryConnectionStringsAreRedactedForLogs() {
        let fromURI = PostgresConnectionSettings.redacted(conninfo: "postgresql://loader:s3cret@db:6000/warehouse?sslmode=require")
        #expect(fromURI.contains("password='***'"))
        #expect(fromURI.contains("host='db'"))
        #expect(!fromURI.contains("s3cret"))
        let fromKeywords = PostgresConnectionSettings.redacted(conninfo: "host=db password='it\\'s secret'")
        #expect(fromKeywords == "password='***' host='db'")  // libpq's keyword order
        #expect(PostgresConnectionSettings.redacted(conninfo: "password='unterminated") == "<unparseable connection string>")
    }

    @Test func emptySettingsLeaveEverythingToTheEnvironment() {
        #expect(PostgresConnectionSettings().conninfo == "")
    }
}
