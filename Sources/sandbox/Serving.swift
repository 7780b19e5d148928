import ArgumentParser
import Foundation
import SandboxKit

/// The scenarios named by every `--scenario` list, as one set; a bad name is a usage error.
func scenarios<Scenario: RawRepresentable & CaseIterable & Hashable>(
    from lists: [String], as _: Scenario.Type
) throws -> Set<Scenario> where Scenario.RawValue == String {
    var scenarios: Set<Scenario> = []
    for list in lists {
        do {
            scenarios.formUnion(try ScenarioList.parse(list, as: Scenario.self))
        } catch {
            throw ValidationError(error.description)
        }
    }
    return scenarios
}

/// What every `sandbox <vendor>` does once its server runs: write the login settings if asked,
/// announce the URL scripts wait for, serve until SIGTERM or SIGINT, then stop.
func serveUntilTerminated(
    baseURL: String, credentialsJSON: String, writeCredentials path: String?, stop: () async -> Void
) async throws {
    if let path {
        try Data(credentialsJSON.utf8).write(to: URL(fileURLWithPath: path))
    }
    // Unbuffered, so a script reading the pipe sees the line at once.
    FileHandle.standardOutput.write(Data("listening on \(baseURL)\n".utf8))
    _ = await TerminationSignal.wait()
    await stop()
}
