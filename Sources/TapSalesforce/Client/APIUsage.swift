/// The org's API consumption from the `Sforce-Limit-Info` response header, in every documented form:
///
/// ```text
/// api-usage=18/5000
/// api-usage=14000/15000; api-bursts=1/750
/// api-usage=25/5000; per-app-api-usage=17/250(appName=sample-connected-app)
/// ```
///
/// (The Python tap's `^api-usage=(\d+)/(\d+)$` misses the last two and silently skips its quota check.)
///
/// ```swift
/// APIUsage(header: "api-usage=14000/15000; api-bursts=1/750")?.percentUsed   // 93.33…
/// ```
public struct APIUsage: Sendable, Hashable {
    /// `used/allotted` of one limit.
    public struct Count: Sendable, Hashable {
        public var used: Int
        public var allotted: Int
        public init(used: Int, allotted: Int) {
            self.used = used
            self.allotted = allotted
        }
        /// `used` as a percentage of `allotted` (0 when nothing is allotted).
        public var percentUsed: Double { allotted > 0 ? Double(used) * 100 / Double(allotted) : 0 }
    }

    /// A connected app's own share of the limit (`per-app-api-usage`).
    public struct AppUsage: Sendable, Hashable {
        public var appName: String
        public var count: Count
    }

    /// Daily API requests of the whole org (`api-usage`); `nil` when the header only had other parts.
    public var org: Count?
    /// Concurrent long-running request bursts (`api-bursts`), when sent.
    public var bursts: Count?
    /// Per-app quotas (`per-app-api-usage`), when the connected app has one.
    public var perApp: [AppUsage]

    public init(org: Count?, bursts: Count? = nil, perApp: [AppUsage] = []) {
        self.org = org
        self.bursts = bursts
        self.perApp = perApp
    }

    /// Parses the header; `nil` when it has none of the known parts.
    public init?(header: String) {
        var org: Count?
        var bursts: Count?
        var perApp: [AppUsage] = []
        for part in header.split(separator: ";") {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let name = part[..<equals].trimmingWhitespace().lowercased()
            var value = part[part.index(after: equals)...].trimmingWhitespace()
            var appName: String?
            // `17/250(appName=sample-connected-app)`
            if let open = value.firstIndex(of: "(") {
                let inside = value[value.index(after: open)...].prefix { $0 != ")" }
                if let nameEquals = inside.firstIndex(of: "=") {
                    appName = String(inside[inside.index(after: nameEquals)...]).trimmingWhitespace()
                }
                value = String(value[..<open]).trimmingWhitespace()
            }
            let numbers = value.split(separator: "/")
            guard numbers.count == 2, let used = Int(numbers[0].trimmingWhitespace()),
                  let allotted = Int(numbers[1].trimmingWhitespace())
            else { continue }
            let count = Count(used: used, allotted: allotted)
            switch name {
            case "api-usage": org = count
            case "api-bursts": bursts = count
            case "per-app-api-usage": perApp.append(AppUsage(appName: appName ?? "this app", count: count))
            default: continue
            }
        }
        guard org != nil || bursts != nil || !perApp.isEmpty else { return nil }
        self.init(org: org, bursts: bursts, perApp: perApp)
    }

    /// The org's usage as a percentage of its daily allowance, when known.
    public var percentUsed: Double? { org?.percentUsed }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
