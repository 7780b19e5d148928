import SandboxKit
import Singer

/// Versions, resources, describeGlobal, describe and limits.
extension SalesforceAPI {
    static let releases: [(String, String)] = [
        ("Winter '23", "56.0"), ("Spring '23", "57.0"), ("Summer '23", "58.0"), ("Winter '24", "59.0"),
        ("Spring '24", "60.0"), ("Summer '24", "61.0"),
    ]

    /// `GET /services/data/`: no authentication, no usage, no `Sforce-Limit-Info`.
    func versions() -> SandboxResponse {
        .json(value: .array(Self.releases.map { release in
            ["label": .string(release.0), "url": .string("/services/data/v\(release.1)"), "version": .string(release.1)]
        }))
    }

    func resources(version: String) -> SandboxResponse {
        let base = "/services/data/\(version)"
        var body = JSONObject()
        for name in ["sobjects", "query", "queryAll", "limits", "composite", "jobs"] {
            body.append(key: name, value: .string("\(base)/\(name)"))
        }
        return .json(value: .object(body))
    }

    func describeGlobal(version: String) -> SandboxResponse {
        .json(value: [
            "encoding": "UTF-8", "maxBatchSize": 200,
            "sobjects": .array(schema.objects.map { DescribeRenderer.globalEntry($0, version: version) }),
        ])
    }

    func object(_ name: String) throws -> ObjectDefinition {
        guard let object = schema.object(named: name) else {
            throw APIError(404, "NOT_FOUND", "The requested resource does not exist")
        }
        return object
    }

    func describe(_ name: String, version: String) throws -> SandboxResponse {
        .json(value: DescribeRenderer.describe(try object(name), schema: schema, version: version))
    }

    func sobjectInfo(_ name: String, version: String) throws -> SandboxResponse {
        let object = try object(name)
        return .json(value: ["objectDescribe": DescribeRenderer.globalEntry(object, version: version), "recentItems": []])
    }

    func limits() -> SandboxResponse {
        let limit = options.effectiveAPILimit
        let used = currentUsage
        let bulkJobs = counters[SalesforceCounter.bulkJobs]
        func entry(_ max: Int, _ remaining: Int) -> JSONValue {
            ["Max": .number(JSONNumber(max)), "Remaining": .number(JSONNumber(Swift.max(0, remaining)))]
        }
        var body = JSONObject()
        body.append(key: "ConcurrentAsyncGetReportInstances", value: entry(200, 200))
        body.append(key: "DailyApiRequests", value: entry(limit, limit - used))
        body.append(key: "DailyAsyncApexExecutions", value: entry(250_000, 250_000))
        body.append(key: "DailyBulkApiBatches", value: entry(15_000, 15_000 - bulkJobs - counters[SalesforceCounter.bulkBatches]))
        body.append(key: "DailyBulkV2QueryFileStorageMB", value: entry(976_562, 976_562))
        body.append(key: "DailyBulkV2QueryJobs", value: entry(10_000, 10_000 - bulkJobs))
        body.append(key: "DataStorageMB", value: entry(1_024, 1_000))
        body.append(key: "FileStorageMB", value: entry(2_048, 2_040))
        body.append(key: "HourlyTimeBasedWorkflow", value: entry(1_000, 1_000))
        return .json(value: .object(body))
    }
}
