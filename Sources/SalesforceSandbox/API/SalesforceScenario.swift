/// Fault scenarios a Salesforce sandbox can run, chosen with `--scenario a,b` or
/// ``SalesforceSandboxOptions/scenarios``. The exact rules use the options' numbers.
public enum SalesforceScenario: String, Sendable, Hashable, CaseIterable {
    /// Each access token answers ``SalesforceSandboxOptions/callsPerToken`` authenticated
    /// calls (default 40); the next call with it gets 401 `INVALID_SESSION_ID`
    /// ("Session expired or invalid"). Logging in again (any grant) issues a fresh token.
    case tokenExpiry = "token-expiry"
    /// Counting authenticated data calls from 1 (composite, describe, query, Bulk…): call
    /// number k·``SalesforceSandboxOptions/flakyPeriod`` (default 7) fails before doing
    /// anything — GETs alternate 503 `SERVER_UNAVAILABLE` and 500 `UNKNOWN_EXCEPTION`,
    /// other methods always get 503 — and every k·``SalesforceSandboxOptions/dropPeriod``-th
    /// call (default 11) that returns records (query pages, Bulk results) closes the
    /// connection after half its body. A retry is the next call, so it succeeds.
    case flaky
    /// The org's daily limit is 15,000 calls and usage starts at 11,950 (79.7 %), so the
    /// 51st call crosses 80 %; once usage reaches the limit every call gets 403
    /// `REQUEST_LIMIT_EXCEEDED`. `/limits` and `Sforce-Limit-Info` report the same numbers.
    case quota
    /// REST `query`/`queryAll` on Opportunity, OpportunityHistory, Task or Event whose
    /// datetime window (top-level `>`/`>=` and `<`/`<=` bounds on datetime fields; a missing
    /// lower bound is 2023-01-01, a missing upper bound is now) spans more than
    /// ``SalesforceSandboxOptions/queryTimeoutWindowDays`` days (default 180) fails with 400
    /// `QUERY_TIMEOUT`. Narrower windows, locator pages and Bulk jobs are unaffected.
    case queryTimeout = "query-timeout"
    /// Bulk API 2.0 and 1.0 refuse every object: job creation answers 400 `INVALIDENTITY`
    /// "Entity 'X' is not supported by the Bulk API.", so a client must fall back to REST.
    case bulkUnsupported = "bulk-unsupported"
}
