/// Parses a comma-separated scenario list (`token-expiry,flaky`) into a vendor's scenario
/// enum, for the `--scenario` option every sandbox shares.
public enum ScenarioList {
    /// The scenarios named in `text` (names trimmed, empty entries ignored); throws naming the
    /// unknown entry and the known ones.
    public static func parse<Scenario: RawRepresentable & CaseIterable & Hashable>(
        _ text: String, as _: Scenario.Type = Scenario.self
    ) throws(ScenarioListError) -> Set<Scenario> where Scenario.RawValue == String {
        var result: Set<Scenario> = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: " ")
            if name.isEmpty { continue }
            guard let scenario = Scenario(rawValue: name) else {
                throw ScenarioListError.unknown(name: name, known: Scenario.allCases.map(\.rawValue))
            }
            result.insert(scenario)
        }
        return result
    }
}

/// A scenario name that the sandbox does not know.
public enum ScenarioListError: Error, CustomStringConvertible {
    case unknown(name: String, known: [String])

    public var description: String {
        switch self {
        case .unknown(let name, let known):
            "Unknown scenario '\(name)'; known scenarios: \(known.joined(separator: ", "))."
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
