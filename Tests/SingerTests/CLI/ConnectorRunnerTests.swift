import Testing

@testable import Singer

/// What a connector run printed and returned.
private struct RunResult {
    var status: SingerExitStatus
    var stderrBuffer: LineBuffer
    var stderr: [String] { stderrBuffer.lines }
    var stdout: [String]
    var output: LogOutput
}

@Suite struct ConnectorRunnerTests {
    let fixtures = CLITestFixtures.self

    private func run(
        _ arguments: [String], environment: [String: String] = [:],
        body: (TapOptions, Config) async throws -> Void = { _, _ in }
    ) async -> RunResult {
        let stderr = LineBuffer()
        let stdout = LineBuffer()
        let output = LogOutput(sink: stderr)
        let runner = ConnectorRunner(
            description: fixtures.tap, environment: environment, output: output,
            standardOutput: { stdout.writeLine($0) }, dotEnvPath: nil)
        let status = await runner.run(TapOptions.self, arguments: arguments, body: body)
        return RunResult(status: status, stderrBuffer: stderr, stdout: stdout.lines, output: output)
    }

    @Test func successfulRunHandsOverOptionsAndConfig() async throws {
        let file = try fixtures.file(fixtures.completeConfig)
        let seen = LineBuffer()
        let result = await run(["-c", file, "--discover"]) { options, config in
            seen.writeLine("\(options.discover) \(config.string("client_id") ?? "-")")
        }
        #expect(result.status == .success)
        #expect(seen.lines == ["true abc"])
        #expect(result.stderr.isEmpty)
    }

    @Test func missingSettingsExitWithUsageStatusAndCriticalLastLine() async throws {
        let result = await run(["--config", try fixtures.file(#"{"client_id": "abc"}"#)])
        #expect(result.status == .usage)
        #expect(result.status.rawValue == 2)
        let last = try #require(result.stderr.last)
        #expect(last.hasPrefix("CRITICAL missing required settings: client_secret (environment variable TAP_SALESFORCE_CLIENT_SECRET)"))
    }

    @Test func runtimeFailureExitsOneWithEachMessageLineAtCritical() async throws {
        struct SyncFailed: Error, CustomStringConvertible {
            var description: String { "stream Account failed\nHTTP 500 from /services/data/v61.0/query" }
        }
        let result = await run(["-c", try fixtures.file(fixtures.completeConfig)]) { _, _ in throw SyncFailed() }
        #expect(result.status == .failure)
        #expect(result.stderr.suffix(2) == [
            "CRITICAL stream Account failed", "CRITICAL HTTP 500 from /services/data/v61.0/query",
        ])
    }

    @Test func secretsAreMaskedInFailureMessagesAndLogs() async throws {
        let secret = fixtures.secretValue
        let result = await run(["-c", try fixtures.file(fixtures.completeConfig)]) { _, _ in
            throw UsageError("login rejected client_secret=\(secret)")
        }
        #expect(result.status == .usage)
        #expect(result.stderr.last == "CRITICAL login rejected client_secret=***")
        #expect(!result.stderr.joined().contains(secret))
        // The config's secrets stay registered for everything logged afterwards.
        result.output.write(level: .info, message: "token \(secret) refreshed")
        #expect(result.stderrBuffer.lines.last == "INFO token *** refreshed")
    }

    @Test func badArgumentsExitWithUsageStatus() async throws {
        let result = await run(["--no-such-flag"])
        #expect(result.status == .usage)
        let last = try #require(result.stderr.last)
        #expect(last.hasPrefix("CRITICAL ") && last.contains("--no-such-flag"))
        #expect(result.stderr.first?.hasPrefix("USAGE: tap-salesforce ") == true)
    }

    @Test func versionAboutAndHelpGoToStdoutAndSucceedWithoutConfig() async {
        let version = await run(["--version"])
        #expect(version.status == .success)
        #expect(version.stdout == [fixtures.tap.versionLine])
        let about = await run(["--about", "--format=json"])
        #expect(about.status == .success)
        #expect(about.stdout.first?.hasPrefix("{\n  \"name\": \"tap-salesforce\"") == true)
        let help = await run(["--help"])
        #expect(help.status == .success)
        #expect(help.stdout.first?.contains("--properties") == true)
        #expect(help.stdout.first?.hasPrefix("USAGE: tap-salesforce [--config <file> ...]") == true)
    }

    @Test func logLevelComesFromTheEnvironment() async throws {
        let result = await run(["-c", try fixtures.file(fixtures.completeConfig)], environment: ["TAP_SALESFORCE_LOGLEVEL": "Debug"])
        #expect(result.output.level == .debug)
        let invalid = await run(["-c", try fixtures.file(fixtures.completeConfig)], environment: ["LOGLEVEL": "chatty"])
        #expect(invalid.status == .usage)
        #expect(invalid.stderr.last?.contains("LOGLEVEL") == true)
    }

    @Test func closedDownstreamPipeIsARuntimeFailureThatSaysSo() async throws {
        let result = await run(["-c", try fixtures.file(fixtures.completeConfig)]) { _, _ in throw DownstreamClosedError() }
        #expect(result.status == .failure)
        #expect(result.stderr.last?.hasPrefix("CRITICAL downstream closed the pipe") == true)
    }

    @Test func unreadableCatalogIsAUsageError() async throws {
        let result = await run(["-c", try fixtures.file(fixtures.completeConfig), "--catalog", "/no/catalog.json"]) { options, _ in
            _ = try JSONFile.read(options.catalogPath ?? "", role: "catalog")
        }
        #expect(result.status == .usage)
        #expect(result.stderr.last == "CRITICAL catalog file '/no/catalog.json' does not exist")
    }

    @Test func undescribedErrorsAreReportedWithTheirType() {
        enum Opaque: Error { case boom }
        #expect(ConnectorRunner.message(for: Opaque.boom).contains("Opaque"))
        #expect(ConnectorRunner.exitStatus(for: Opaque.boom) == .failure)
    }
}
