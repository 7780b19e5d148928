/// Decides whether the tap may send another API request, from `quota_percent_total` and
/// `quota_percent_per_run` and the usage Salesforce last reported.
///
/// The check runs *before* a request, against what the previous response said, so a response
/// that arrived is always handed over and the sync stops between requests with a usable state.
///
/// ```swift
/// var guard = QuotaGuard(percentTotal: 80, percentPerRun: 25)
/// guard.recordRequest()
/// guard.record(APIUsage(header: "api-usage=12500/15000")!)
/// try guard.check()   // throws .quotaExceeded: 83.3 % used is over 80 %
/// ```
public struct QuotaGuard: Sendable, Hashable {
    public var percentTotal: Double
    public var percentPerRun: Double
    /// Requests this run has sent to the API (each attempt counts, as Salesforce counts it).
    public private(set) var requestsThisRun = 0
    /// The last usage Salesforce reported.
    public private(set) var lastUsage: APIUsage?

    public init(percentTotal: Double, percentPerRun: Double) {
        self.percentTotal = percentTotal
        self.percentPerRun = percentPerRun
    }

    /// Counts one request sent.
    public mutating func recordRequest() { requestsThisRun += 1 }

    /// Remembers the latest reported usage (parts missing from `usage` keep their last value).
    public mutating func record(_ usage: APIUsage) {
        var merged = lastUsage ?? APIUsage(org: nil)
        if let org = usage.org { merged.org = org }
        if let bursts = usage.bursts { merged.bursts = bursts }
        if !usage.perApp.isEmpty { merged.perApp = usage.perApp }
        lastUsage = merged
    }

    /// Throws ``SalesforceError/quotaExceeded(_:)`` when another request would go over a limit.
    public func check() throws(SalesforceError) {
        guard let usage = lastUsage else { return }
        if let org = usage.org, org.allotted > 0 {
            if org.percentUsed > percentTotal {
                throw .quotaExceeded(Self.message(
                    "the org has used \(org.used) of its \(org.allotted) daily API requests (\(Self.format(org.percentUsed)) %)",
                    limit: "quota_percent_total", percent: percentTotal,
                    advice: "wait for the rolling 24-hour usage to fall, or raise quota_percent_total"))
            }
            let runPercent = Double(requestsThisRun) * 100 / Double(org.allotted)
            if runPercent > percentPerRun {
                throw .quotaExceeded(Self.message(
                    "this run has sent \(requestsThisRun) API requests, \(Self.format(runPercent)) % of the org's \(org.allotted) daily requests",
                    limit: "quota_percent_per_run", percent: percentPerRun,
                    advice: "the next run resumes from the saved state; raise quota_percent_per_run to do more per run"))
            }
        }
        for app in usage.perApp where app.count.allotted > 0 && app.count.percentUsed > percentTotal {
            throw .quotaExceeded(Self.message(
                "the connected app '\(app.appName)' has used \(app.count.used) of its \(app.count.allotted) daily API requests (\(Self.format(app.count.percentUsed)) %)",
                limit: "quota_percent_total", percent: percentTotal,
                advice: "wait for the app's usage to fall, raise its per-app limit, or raise quota_percent_total"))
        }
    }

    /// A one-line summary for the log: `API usage: 1210/15000 (8.1 %) of the org's daily requests; 12 this run`.
    public var summary: String {
        var text = "API usage: "
        if let org = lastUsage?.org {
            text += "\(org.used)/\(org.allotted) (\(Self.format(org.percentUsed)) %) of the org's daily requests; "
        }
        for app in lastUsage?.perApp ?? [] {
            text += "app '\(app.appName)' \(app.count.used)/\(app.count.allotted); "
        }
        return text + "\(requestsThisRun) this run (limits: quota_percent_total \(Self.format(percentTotal)) %, quota_percent_per_run \(Self.format(percentPerRun)) %)"
    }

    static func message(_ what: String, limit: String, percent: Double, advice: String) -> String {
        "API quota reached: \(what), more than \(limit) \(format(percent)) %. Stopping before the next request; \(advice)."
    }

    static func format(_ percent: Double) -> String {
        let tenths = (percent * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
}
